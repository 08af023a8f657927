// Per-project retention: sessions whose last event is older than the project's `retentionDays` are deleted
// with their events and tied blobs. A project with retentionDays 0 keeps everything.
import type { Store } from './store.js';

export const DAY_MS = 24 * 60 * 60_000;

export interface RetentionSweepResult {
  /** Sessions deleted per project id; projects that keep sessions forever are absent. */
  deletedByProject: Record<string, number>;
  deleted: number;
}

export async function sweepRetention(store: Store, now: number = Date.now()): Promise<RetentionSweepResult> {
  const deletedByProject: Record<string, number> = {};
  let deleted = 0;
  for (const project of await store.listProjects()) {
    if (!(project.retentionDays > 0)) continue;
    const count = await store.deleteSessions(project.id, { olderThan: now - project.retentionDays * DAY_MS });
    deletedByProject[project.id] = count;
    deleted += count;
  }
  return { deletedByProject, deleted };
}
