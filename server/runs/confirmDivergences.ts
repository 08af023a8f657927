import { DEFAULT_TICKET_THRESHOLD, type Divergence, type SessionVerdict } from '../../protocol/index.js';

/**
 * A divergence seen once may be the replay's own flake: a loaded machine, a race in the app. Like Meticulous
 * re-running a failing screenshot, a session whose candidate replay predicts a ticket is replayed on the candidate
 * once more, and divergences that do not reproduce (same kind at the same step) are marked noise ("flaky").
 * Costs one extra replay, and only for sessions that would otherwise raise a ticket.
 */
export async function confirmDivergences(
  verdict: SessionVerdict,
  reanalyzeWithNewCandidateReplay: () => Promise<SessionVerdict>,
  threshold = DEFAULT_TICKET_THRESHOLD,
): Promise<SessionVerdict> {
  if (verdict.status !== 'diverged' || verdict.ticketProbability < threshold) return verdict;
  const again = await reanalyzeWithNewCandidateReplay();
  const reproduced = new Set(again.divergences.filter((d) => !d.noise).map(divergenceKey));
  return markUnreproduced(verdict, reproduced);
}

export function markUnreproduced(verdict: SessionVerdict, reproduced: Set<string>): SessionVerdict {
  const divergences: Divergence[] = verdict.divergences.map((d) =>
    d.noise || reproduced.has(divergenceKey(d)) ? d : { ...d, noise: true, evidence: { ...d.evidence, noiseReason: 'flaky' } },
  );
  const real = divergences.filter((d) => !d.noise);
  const ticketProbability = Math.max(0, ...real.map((d) => Number(d.evidence?.ticketProbability ?? 0)));
  const status = real.length ? 'diverged' : 'pass';
  const explanation = ticketProbability === verdict.ticketProbability ? verdict.explanation : [];
  return { ...verdict, status, divergences, ticketProbability, explanation };
}

function divergenceKey(d: Divergence): string {
  return `${d.kind}@${d.step}`;
}
