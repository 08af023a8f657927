import type { SessionSummary } from '../../protocol/index.js';
import type { Store } from '../store/index.js';

export interface SelectedSession {
  sessionId: string;
  reason: string;
}

export const DEFAULT_SESSION_BUDGET = 50;
const LISTING_PAGE_SIZE = 200;

/**
 * Picks the sessions a run replays. Sessions are grouped into flows by the route patterns they visited; the most
 * recent session of each flow comes first, then the next most recent of each, and so on, so a small budget still
 * covers every distinct flow before it spends anything on repeats.
 */
export async function selectSessions(
  store: Store,
  projectId: string,
  request: number | 'all' | string[] | undefined,
): Promise<SelectedSession[]> {
  if (Array.isArray(request)) {
    const found: SelectedSession[] = [];
    for (const sessionId of request) {
      const session = await store.getSession(projectId, sessionId);
      if (!session) throw new SelectionError(`Cannot start the run: session ${sessionId} does not exist in this project. Check the id in the Sessions page.`);
      found.push({ sessionId, reason: 'chosen explicitly' });
    }
    return found;
  }
  const sessions = await listAllSessions(store, projectId);
  if (request === 'all') return sessions.map((session) => ({ sessionId: session.id, reason: 'all sessions requested' }));
  return coverFlows(sessions, request ?? DEFAULT_SESSION_BUDGET);
}

export function coverFlows(sessions: SessionSummary[], budget: number): SelectedSession[] {
  const flows = new Map<string, SessionSummary[]>();
  for (const session of [...sessions].sort((a, b) => b.startedAt - a.startedAt)) {
    if (session.counts.clicks + session.counts.inputs === 0 && session.pages.length <= 1) continue;
    const key = session.routes.join(' → ') || '(no route)';
    flows.set(key, [...(flows.get(key) ?? []), session]);
  }
  const selected: SelectedSession[] = [];
  for (let round = 0; selected.length < budget; round++) {
    let added = false;
    for (const [flow, members] of flows) {
      const session = members[round];
      if (!session || selected.length >= budget) continue;
      added = true;
      const share = members.length > 1 ? `, ${members.length} sessions share this flow` : '';
      selected.push({
        sessionId: session.id,
        reason: round === 0 ? `covers flow ${flow} (most recent${share})` : `repeat ${round + 1} of flow ${flow}${share}`,
      });
    }
    if (!added) break;
  }
  return selected;
}

async function listAllSessions(store: Store, projectId: string): Promise<SessionSummary[]> {
  const all: SessionSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listSessions(projectId, {}, LISTING_PAGE_SIZE, cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export class SelectionError extends Error {
  override name = 'SelectionError';
  readonly code = 'SESSION_NOT_FOUND';
  /** The server's error handler answers with it, like every domain error. */
  readonly status = 404;
}
