// A trajectory: what the user did, as replayable steps, and what the app did in return when replayed.
import type { KeyModifier } from './customEvents.js';
import type { ActionTarget, MaskedShape, TargetCandidate } from './target.js';

export type StepAction =
  | { type: 'navigate'; url: string }
  /** `modifiers`: keys held during the click (Control-click opens a link in a new tab, Shift-click extends a selection). */
  | { type: 'click' | 'dblclick' | 'contextmenu' | 'hover'; target: ActionTarget; modifiers?: KeyModifier[] }
  | { type: 'fill'; target: ActionTarget; value?: string; masked?: MaskedShape; field?: string }
  | { type: 'check'; target: ActionTarget; checked: boolean }
  | { type: 'select'; target: ActionTarget; values: string[] }
  /** `key` in Playwright's notation, e.g. `Enter`, `Control+k`. */
  | { type: 'press'; target?: ActionTarget; key: string }
  | { type: 'submit'; target: ActionTarget }
  | { type: 'scroll'; x: number; y: number }
  | { type: 'resize'; width: number; height: number }
  | { type: 'drag'; from: { x: number; y: number }; to: { x: number; y: number } }
  | { type: 'file'; target: ActionTarget; files: { name: string; type: string; size: number }[] };

export type StepActionType = StepAction['type'];

export interface TrajectoryStep {
  index: number;
  action: StepAction;
  /** Recorded time since the previous step (think time; compressed at replay). */
  gapMs: number;
  /** Page URL (path, search and hash) when the action was taken, as recorded. */
  recordedUrl: string;
}

export interface Trajectory {
  sessionId: string;
  /** Path, search and hash of the first page, to be mapped onto the target origin. */
  startPath: string;
  viewport: { width: number; height: number };
  /** Epoch ms of the recording's start: replay installs the clock there. */
  startedAt: number;
  steps: TrajectoryStep[];
  /** Things the converter could not turn into steps, said plainly. */
  warnings: string[];
  /** Storage captured at record time, restored before the first navigation. */
  storage?: { localStorage?: Record<string, string>; sessionStorage?: Record<string, string> };
  /** Path, search and hash of the last page the recording saw (exported tests assert the replay ends there too). */
  endPath?: string;
}

export type StepOutcome = 'performed' | 'target-missing' | 'not-actionable' | 'timed-out' | 'error' | 'skipped';

export interface NetworkObservation {
  method: string;
  /** Normalized path (ids and hashes replaced, query keys sorted), origin removed when same-origin. */
  path: string;
  /** 0 when the request failed without a response. */
  status: number;
  failure?: string;
  resourceType: string;
  durationMs: number;
  /** For JSON responses: a type skeleton of the body such as `{items:[{id:number}]}`. */
  responseShape?: string;
}

export interface StepObservation {
  index: number;
  action: StepAction;
  outcome: StepOutcome;
  /** Why the outcome is not `performed`, with a call log of what was tried. */
  outcomeReason?: string;
  /** Which target candidate matched, or `coordinates`. */
  matchedBy?: TargetCandidate | 'coordinates';
  url: string;
  title: string;
  /** Playwright `ariaSnapshot()` of the body, normalized. */
  aria: string;
  /** Visible text (normalized, truncated) and its hash. */
  text: string;
  textDigest: string;
  requests: NetworkObservation[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Time from the action until no request was pending and the DOM was quiet. */
  quiescenceMs: number;
  /** Things replay did on its own that a reader should know, e.g. following a popup into a new tab. */
  notes?: string[];
  /** Blob key of the screenshot taken after the step, when the step changed the page. */
  screenshot?: string;
  durationMs: number;
}

export type NetworkMode = 'live' | 'stubbed' | 'hybrid';

export interface ReplayResult {
  sessionId: string;
  /** Origin (and optional path prefix) the session was replayed against. */
  target: string;
  mode: NetworkMode;
  status: 'completed' | 'error';
  error?: string;
  steps: StepObservation[];
  startedAt: number;
  durationMs: number;
}
