// Shapes shared inside server/analysis and exposed through its index.
import type { Divergence, DivergenceKind, Rect, ReplayResult, TriageDecision } from '../../protocol/index.js';

export interface IgnoreRules {
  /** Regular expressions (or plain substrings) for visible text and error messages that may change freely. */
  textPatterns?: string[];
  /** Request paths to leave out; `*` matches anything, a pattern without `*` matches as a prefix. */
  requestPaths?: string[];
  /**
   * Elements whose changes are expected, by accessible name or `role "name"` (case-insensitive substring of the
   * divergence's element or subject): analysis has no DOM, so CSS selectors cannot be resolved.
   */
  selectors?: string[];
  /** Screenshot areas to leave out of the visual diff. */
  regions?: Rect[];
}

export interface CompareInput {
  baseline: ReplayResult;
  candidate: ReplayResult;
  /** A second replay of the baseline (A/A pair): whatever differs between the two is noise. */
  baselineRepeat?: ReplayResult;
  loadBlob: (key: string) => Promise<Uint8Array | undefined>;
  saveBlob: (bytes: Uint8Array, contentType: string) => Promise<string>;
  ignore?: IgnoreRules;
  /** Signatures (noiseSignature, or stepNoiseSignature for one step of this session) that earlier runs or triage established as noise. */
  knownNoise?: Set<string>;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

export interface Calibration {
  bins: ReliabilityBin[];
  /** Mean squared error of the predicted probabilities against the labels (0 is perfect). */
  brierScore: number;
}

export interface ModelState {
  version: 1;
  bias: number;
  weights: Record<string, number>;
  /** Number of triage labels the weights were fitted on (0 for the hand-set prior). */
  trainedOn: number;
  calibration?: Calibration;
}

export interface TrainingLabel {
  features: Record<string, number>;
  decision: TriageDecision;
}

export interface FeatureContext {
  sessionCount: number;
  sharedBySessions: number;
  onConversionPath: boolean;
  pageTicketRate?: number;
  visualAreaOnInteracted?: number;
  blockedPath: boolean;
}

/** Divergence plus what noise cancellation needs to compare it with the A/A pair; stripped before returning. */
export interface RawDivergence extends Divergence {
  /** Identity units: covered when the repeat has every one of them. */
  units?: string[];
  /** Baseline word ranges [start, end] of text hunks. */
  spans?: [number, number][];
  /** Changed screenshot regions. */
  regions?: Rect[];
}

export const HARD_FAILURE_KINDS: ReadonlySet<DivergenceKind> = new Set(['action-failed', 'navigation-changed', 'page-error']);
