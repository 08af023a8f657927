// Predicted tickets: likely divergences across sessions grouped by what went wrong where.
import { createHash } from 'node:crypto';
import { DEFAULT_TICKET_THRESHOLD } from '../../protocol/index.js';
import type { Divergence, FeatureContribution, PredictedTicket, SessionVerdict } from '../../protocol/index.js';
import { expectedOf, ticketTitle } from './draftTicket.js';

interface Occurrence {
  verdict: SessionVerdict;
  primary: Divergence;
  probability: number;
}

/**
 * Within a session, a divergence and everything attributed to it (same step, or `consequenceOf` it) form one
 * problem, represented by its most probable divergence. Problems share a ticket when kind, acted-on element
 * and route agree.
 */
export function groupTickets(verdicts: SessionVerdict[], threshold = DEFAULT_TICKET_THRESHOLD): PredictedTicket[] {
  const bySignature = new Map<string, Occurrence[]>();
  for (const verdict of verdicts) {
    for (const problem of problemsOf(verdict)) {
      if (problem.probability < threshold) continue;
      const signature = ticketSignature(problem.primary);
      const list = bySignature.get(signature) ?? [];
      list.push(problem);
      bySignature.set(signature, list);
    }
  }
  const tickets = [...bySignature.entries()].map(([signature, occurrences]) => toTicket(signature, occurrences));
  return tickets.sort((left, right) => right.probability - left.probability || right.sessionIds.length - left.sessionIds.length);
}

export function ticketSignature(d: Divergence): string {
  const evidence = d.evidence ?? {};
  const subject = d.kind.startsWith('request') || d.kind === 'status-changed' || d.kind === 'payload-changed' ? ` ${evidence.subject ?? ''}` : '';
  return `${d.kind}|${evidence.actionTarget || evidence.action || ''}|${evidence.routeBefore ?? evidence.route ?? ''}${subject}`;
}

function problemsOf(verdict: SessionVerdict): Occurrence[] {
  const byRoot = new Map<number, Occurrence>();
  for (const divergence of verdict.divergences) {
    if (divergence.noise) continue;
    const probability = Number(divergence.evidence?.ticketProbability ?? 0);
    const cause = divergence.evidence?.consequenceOf;
    const root = typeof cause === 'number' ? cause : divergence.step;
    const current = byRoot.get(root);
    const preferred = !current || probability > current.probability || (probability === current.probability && divergence.step < current.primary.step);
    if (preferred) byRoot.set(root, { verdict, primary: divergence, probability });
  }
  return [...byRoot.values()];
}

function toTicket(signature: string, occurrences: Occurrence[]): PredictedTicket {
  const best = occurrences.reduce((left, right) => (right.probability > left.probability ? right : left));
  const sessionIds = unique(occurrences.map((occurrence) => occurrence.verdict.id));
  const userIds = unique(occurrences.map((occurrence) => occurrence.verdict.userId).filter((id): id is string => Boolean(id)));
  const title = ticketTitle(best.primary);
  const reproSteps = best.verdict.reproSteps ?? [];
  return {
    id: `t_${createHash('sha1').update(signature).digest('hex').slice(0, 12)}`,
    title,
    probability: best.probability,
    signature,
    kind: best.primary.kind,
    sessionIds,
    userIds,
    draft: {
      title,
      stepsToReproduce: reproSteps.length ? reproSteps.slice(0, best.primary.step + 1) : [String(best.primary.evidence?.action ?? '')],
      expected: expectedOf(best.primary),
      observed: best.primary.summary,
    },
    explanation: contributionsOf(best.primary),
  };
}

function contributionsOf(d: Divergence): FeatureContribution[] {
  const raw = d.evidence?.contributions;
  if (typeof raw !== 'string') return [];
  try {
    return JSON.parse(raw) as FeatureContribution[];
  } catch {
    return [];
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
