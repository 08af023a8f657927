// Merging live run updates into the list the runs page shows.
import type { RunSummary } from '../../protocol/api.js';
import type { RunStatus } from '../../protocol/divergence.js';

/** Replaces the run with the same id, or puts a new one first; the list stays newest first. */
export function upsertRun(runs: readonly RunSummary[], update: RunSummary): RunSummary[] {
  const index = runs.findIndex((run) => run.id === update.id);
  if (index === -1) return [update, ...runs].sort((a, b) => b.createdAt - a.createdAt);
  const next = runs.slice();
  next[index] = update;
  return next;
}

export function filterRuns(runs: readonly RunSummary[], status: RunStatus | 'all'): RunSummary[] {
  return status === 'all' ? runs.slice() : runs.filter((run) => run.status === status);
}
