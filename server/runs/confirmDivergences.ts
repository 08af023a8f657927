import { DEFAULT_TICKET_THRESHOLD, type Divergence, type FeatureContribution, type SessionVerdict } from '../../protocol/index.js';

/**
 * A divergence seen once may be the replay's own flake: a loaded machine, a race in the app. Like Meticulous
 * re-running a failing screenshot, a session whose candidate replay predicts a ticket is replayed on the candidate
 * once more, and divergences that do not reproduce (same kind at the same step) are marked noise ("flaky").
 * A divergence that reproduces keeps the lower of its two probabilities: a real but benign change (a restyle) must
 * not inherit a flake's context, such as a step the first replay happened not to get through ("blocked path").
 * Costs one extra replay, and only for sessions that would otherwise raise a ticket.
 */
export async function confirmDivergences(
  verdict: SessionVerdict,
  reanalyzeWithNewCandidateReplay: () => Promise<SessionVerdict>,
  threshold = DEFAULT_TICKET_THRESHOLD,
): Promise<SessionVerdict> {
  if (verdict.status !== 'diverged' || verdict.ticketProbability < threshold) return verdict;
  const again = await reanalyzeWithNewCandidateReplay();
  const reproduced = new Map<string, Divergence>();
  for (const divergence of again.divergences) {
    if (divergence.noise) continue;
    const key = divergenceKey(divergence);
    const seen = reproduced.get(key);
    if (!seen || probabilityOf(divergence) > probabilityOf(seen)) reproduced.set(key, divergence);
  }
  return markUnreproduced(verdict, reproduced);
}

export function markUnreproduced(verdict: SessionVerdict, reproduced: Map<string, Divergence>): SessionVerdict {
  const divergences: Divergence[] = verdict.divergences.map((d) => {
    if (d.noise) return d;
    const repeat = reproduced.get(divergenceKey(d));
    if (!repeat) return { ...d, noise: true, evidence: { ...d.evidence, noiseReason: 'flaky' } };
    if (probabilityOf(repeat) >= probabilityOf(d)) return d;
    const { ticketProbability, features, contributions } = repeat.evidence ?? {};
    return { ...d, evidence: { ...d.evidence, ticketProbability, features, contributions } };
  });
  const real = divergences.filter((d) => !d.noise);
  const top = real.reduce<Divergence | undefined>((best, d) => (!best || probabilityOf(d) > probabilityOf(best) ? d : best), undefined);
  const ticketProbability = top ? probabilityOf(top) : 0;
  const status = real.length ? 'diverged' : 'pass';
  const explanation = ticketProbability === verdict.ticketProbability ? verdict.explanation : contributionsOf(top);
  return { ...verdict, status, divergences, ticketProbability, explanation };
}

function probabilityOf(d: Divergence): number {
  return Number(d.evidence?.ticketProbability ?? 0);
}

/** The top divergence's stored contributions (analyzeSession keeps them as JSON in the evidence). */
function contributionsOf(d: Divergence | undefined): FeatureContribution[] {
  try {
    const parsed: unknown = JSON.parse(String(d?.evidence?.contributions ?? '[]'));
    return Array.isArray(parsed) ? (parsed as FeatureContribution[]) : [];
  } catch {
    return [];
  }
}

function divergenceKey(d: Divergence): string {
  return `${d.kind}@${d.step}`;
}
