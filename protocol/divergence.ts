// Divergences between a baseline and a candidate replay, the prediction made from them, and a run's report.
// DIVERGENCE_KINDS is stored data: only ever append to it. docs/divergence-taxonomy.md describes each kind.
import type { Rect } from './target.js';

export const DIVERGENCE_KINDS = [
  /** The step could not be performed on the candidate (target missing, not actionable, timed out). */
  'action-failed',
  /** The step led to a different URL than on the baseline. */
  'navigation-changed',
  /** An uncaught exception or unhandled rejection that the baseline did not have. */
  'page-error',
  /** A new console error. */
  'console-error',
  /** A request failed or returned a 4xx/5xx where the baseline's succeeded. */
  'request-failed',
  /** A request's status class changed in another way (for example 200 to 304 is not; 200 to 3xx redirect is). */
  'status-changed',
  /** A request the baseline made is not made any more. */
  'request-missing',
  /** A request the baseline did not make. */
  'request-added',
  /** The JSON shape of a response changed. */
  'payload-changed',
  /** Interactive or landmark elements vanished from the accessibility tree. */
  'element-missing',
  /** Accessibility tree changed otherwise (names, states, new elements). */
  'aria-changed',
  /** Visible text changed. */
  'text-changed',
  /** The screenshot changed beyond tolerance. */
  'visual-changed',
  /** The step took much longer to settle. */
  'slower',
] as const;
export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

export interface Divergence {
  kind: DivergenceKind;
  /** Step index in the trajectory. */
  step: number;
  /** One human sentence. */
  summary: string;
  /** Strength of the signal, 0..1 (e.g. changed-pixel ratio, share of elements gone). */
  severity: number;
  /** The element concerned, as a human label ("button 'Place order'"). */
  element?: string;
  region?: Rect;
  /** Blob key of the visual diff image, for `visual-changed`. */
  diffImage?: string;
  /** Set when the A/A baseline pair or an ignore rule says this is noise; noise never raises the probability. */
  noise?: boolean;
  /** Machine-readable details for the dashboard and for features. */
  evidence?: Record<string, string | number | boolean | null>;
}

export interface FeatureContribution {
  feature: string;
  value: number;
  /** Contribution to the log-odds. */
  contribution: number;
}

export interface Prediction {
  probability: number;
  /** Log-odds contributions, largest magnitude first. */
  contributions: FeatureContribution[];
}

export type SessionStatus = 'pass' | 'diverged' | 'error';

export interface SessionVerdict {
  /** Recorded session id. */
  id: string;
  status: SessionStatus;
  error?: string;
  ticketProbability: number;
  divergences: Divergence[];
  explanation: FeatureContribution[];
  userId?: string;
  /** The session's steps as imperative sentences ("Click 'Place order'"), for ticket drafts. */
  reproSteps?: string[];
}

export interface TicketDraft {
  title: string;
  stepsToReproduce: string[];
  expected: string;
  observed: string;
}

export interface PredictedTicket {
  id: string;
  title: string;
  probability: number;
  /** The signature shared by the grouped divergences (kind + location). */
  signature: string;
  kind: DivergenceKind;
  sessionIds: string[];
  userIds: string[];
  draft: TicketDraft;
  explanation: FeatureContribution[];
}

export type TriageDecision = 'ticket' | 'intended' | 'noise';

/** The JSON `reprise ci --json` writes and `GET /api/runs/:id/report` returns. */
export interface RunReport {
  run: {
    id: string;
    baseline: string;
    candidate: string;
    durationMs: number;
    status: RunStatus;
    createdAt: number;
    dashboardUrl?: string;
  };
  sessions: SessionVerdict[];
  tickets: PredictedTicket[];
}

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** Default probability above which a divergence counts as a predicted ticket (`--fail-on`). */
export const DEFAULT_TICKET_THRESHOLD = 0.5;
