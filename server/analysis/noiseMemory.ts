// Noise memory across runs: what the A/A pair called noise in a session, remembered per step, so later runs can
// cancel it without replaying the baseline twice.
import type { SessionVerdict } from '../../protocol/index.js';
import { stepNoiseSignature } from './noise.js';

/** One marker per run that replayed the baseline twice for the session; kept in the same set as the signatures. */
export const AA_RUN_MARKER_PREFIX = 'aa-run|';

/**
 * After this many A/A runs the session's noise is considered known and the repeat is skipped. Two, because one A/A
 * pair can happen to agree on rotating content (a carousel that did not rotate in time); two rarely both do.
 */
export const AA_RUNS_BEFORE_SKIPPING = 2;

export interface NoiseMemory {
  /** Signatures to pass to analyzeSession as knownNoise. */
  knownNoise: Set<string>;
  /** Earlier runs that replayed this session's baseline twice. */
  aaRuns: number;
  /** False once the session's noise is known from enough A/A runs. */
  replayBaselineTwice: boolean;
}

export function readNoiseMemory(stored: Set<string>): NoiseMemory {
  const knownNoise = new Set<string>();
  let aaRuns = 0;
  for (const signature of stored) {
    if (signature.startsWith(AA_RUN_MARKER_PREFIX)) aaRuns++;
    else knownNoise.add(signature);
  }
  return { knownNoise, aaRuns, replayBaselineTwice: aaRuns < AA_RUNS_BEFORE_SKIPPING };
}

/**
 * What one run teaches about the session's noise: every divergence the A/A pair cancelled, by step, and a marker
 * that this run had an A/A pair at all (a run whose repeat found nothing still counts: the session was quiet).
 */
export function noiseToRemember(verdict: SessionVerdict, runId: string, hadBaselineRepeat: boolean): string[] {
  if (!hadBaselineRepeat || verdict.status === 'error') return [];
  const signatures = verdict.divergences
    .filter((divergence) => divergence.noise && divergence.evidence?.noiseReason === 'baseline-repeat')
    .map(stepNoiseSignature);
  return [...new Set(signatures), `${AA_RUN_MARKER_PREFIX}${runId}`];
}
