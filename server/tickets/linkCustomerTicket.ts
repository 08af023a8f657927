// A real ticket is the best label there is: find the sessions it is about, and the divergence each of them showed in
// a run, and label that divergence 'ticket'.
import { createHash } from 'node:crypto';
import type { Divergence, SessionSummary } from '../../protocol/index.js';
import { pathOf, routePattern } from '../../protocol/index.js';
import { featuresFromEvidence } from '../analysis/index.js';
import { refitProjectModel, routeOfDivergence } from '../runs/triage.js';
import type { Label, Project, Store } from '../store/index.js';
import { ticketTimeMs, type CustomerTicket } from './customerTicket.js';

/** Customers report what went wrong within a day or so of the session. */
export const TICKET_LOOKBACK_MS = 48 * 3_600_000;
const RUNS_SEARCHED = 50;

export interface LinkedTicket {
  ticketId: string;
  sessionIds: string[];
  labels: { runId: string; sessionId: string; step: number; kind: string }[];
  model?: { trainedOn: number; brierScore?: number };
}

export async function linkCustomerTicket(store: Store, project: Project, ticket: CustomerTicket): Promise<LinkedTicket> {
  const time = ticketTimeMs(ticket);
  const ticketId = ticket.externalId ?? `ct_${createHash('sha1').update(`${ticket.title}|${time}|${ticket.userId ?? ''}|${ticket.sessionId ?? ''}`).digest('hex').slice(0, 12)}`;
  const sessions = await sessionsOf(store, project.id, ticket, time);
  const route = ticket.url ? routePattern(pathOf(ticket.url)) : undefined;
  const runs = sessions.length ? (await store.listRuns(project.id, RUNS_SEARCHED)).items : [];
  const labels: Label[] = [];
  for (const session of sessions) {
    for (const run of runs) {
      const result = await store.getSessionResult(project.id, run.id, session.id);
      const divergence = result && reportedDivergence(result.verdict.divergences, route);
      if (!divergence) continue;
      labels.push({
        // Deterministic: importing the same ticket twice replaces its labels instead of doubling their weight.
        id: `${ticketId}:${run.id}:${session.id}`,
        projectId: project.id,
        runId: run.id,
        sessionId: session.id,
        step: divergence.step,
        kind: divergence.kind,
        decision: 'ticket',
        comment: ticket.title,
        features: featuresFromEvidence(divergence),
        route: routeOfDivergence(divergence),
        source: 'customer-ticket',
        createdAt: Date.now(),
      });
    }
  }
  for (const label of labels) await store.addLabel(label);
  const model = labels.length ? await refitProjectModel(store, project.id) : undefined;
  return {
    ticketId,
    sessionIds: sessions.map((session) => session.id),
    labels: labels.map((label) => ({ runId: label.runId, sessionId: label.sessionId, step: label.step!, kind: label.kind! })),
    ...(model ? { model: { trainedOn: model.trainedOn, brierScore: model.calibration?.brierScore } } : {}),
  };
}

async function sessionsOf(store: Store, projectId: string, ticket: CustomerTicket, time: number): Promise<SessionSummary[]> {
  if (ticket.sessionId) {
    const session = await store.getSession(projectId, ticket.sessionId);
    return session ? [session] : [];
  }
  const page = await store.listSessions(projectId, { userId: ticket.userId, from: time - TICKET_LOOKBACK_MS, to: time }, 20);
  return page.items;
}

/**
 * The divergence the customer most likely ran into: on the page they name when they name one, otherwise the most
 * probable one; never noise, and never a consequence (it is filed under its cause).
 */
function reportedDivergence(divergences: Divergence[], route: string | undefined): Divergence | undefined {
  const candidates = divergences.filter((divergence) => !divergence.noise && divergence.evidence?.consequenceOf === undefined);
  const onRoute = route ? candidates.filter((divergence) => divergence.evidence?.route === route || divergence.evidence?.routeBefore === route) : [];
  const pool = onRoute.length ? onRoute : candidates;
  return pool.reduce<Divergence | undefined>((best, divergence) => (!best || probabilityOf(divergence) > probabilityOf(best) ? divergence : best), undefined);
}

function probabilityOf(divergence: Divergence): number {
  return Number(divergence.evidence?.ticketProbability ?? 0);
}
