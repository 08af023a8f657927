// Run-level context is only known once every session of a run is in: how many sessions share a divergence, and
// how often its page produced tickets before. This re-scores the stored verdicts with it.
import type { Divergence, FeatureContribution, SessionVerdict } from '../../protocol/index.js';
import { featuresOf } from './featuresOf.js';
import { noiseSignature } from './noise.js';
import { predict } from './predict.js';
import type { ModelState } from './types.js';

export interface RunContext {
  /** Share of past divergences on a route that became tickets (see pageTicketRates). */
  pageTicketRate?: (route: string) => number | undefined;
}

const TOP_CONTRIBUTIONS_KEPT = 6;

/** Returns new verdicts; divergences without stored features (never scored) are left as they are. */
export function rescoreRun(verdicts: SessionVerdict[], model: ModelState, context: RunContext = {}): SessionVerdict[] {
  const sessionsBySignature = new Map<string, Set<string>>();
  for (const verdict of verdicts) {
    for (const divergence of verdict.divergences) {
      if (divergence.noise) continue;
      const signature = noiseSignature(divergence);
      const sessions = sessionsBySignature.get(signature) ?? new Set<string>();
      sessions.add(verdict.id);
      sessionsBySignature.set(signature, sessions);
    }
  }
  return verdicts.map((verdict) => {
    if (verdict.status === 'error') return verdict;
    let top: { probability: number; contributions: FeatureContribution[] } | undefined;
    const divergences = verdict.divergences.map((divergence) => {
      if (divergence.noise) return divergence;
      const stored = storedFeatures(divergence);
      if (!stored) return divergence;
      const features = featuresOf(divergence, {
        sessionCount: verdicts.length,
        sharedBySessions: sessionsBySignature.get(noiseSignature(divergence))?.size ?? 1,
        onConversionPath: stored.onConversionPath === 1,
        blockedPath: stored.blockedPath === 1,
        pageTicketRate: context.pageTicketRate?.(String(divergence.evidence?.routeBefore ?? '')),
      });
      const prediction = predict(features, model);
      if (!top || prediction.probability > top.probability) top = prediction;
      return {
        ...divergence,
        evidence: {
          ...divergence.evidence,
          ticketProbability: round(prediction.probability),
          features: JSON.stringify(features),
          contributions: JSON.stringify(prediction.contributions.slice(0, TOP_CONTRIBUTIONS_KEPT)),
        },
      };
    });
    if (!top) return { ...verdict, divergences };
    return { ...verdict, divergences, ticketProbability: round(top.probability), explanation: top.contributions };
  });
}

function storedFeatures(d: Divergence): Record<string, number> | undefined {
  const raw = d.evidence?.features;
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw) as Record<string, number>;
  } catch {
    return undefined;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
