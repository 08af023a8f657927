// What a replay job does, wherever it runs (this process or a `reprise worker`): replay, record failures, update
// progress, and assemble the report once. Every handler is idempotent: a job may run again after its worker died.
import type { Logger } from 'pino';
import type { RunReport, RunSummary, SessionVerdict } from '../../protocol/index.js';
import { DEFAULT_TICKET_THRESHOLD } from '../../protocol/index.js';
import { groupTickets } from '../analysis/index.js';
import { rescoreStoredRun } from '../tickets/index.js';
import { errorMessage, type ReplayJob, type RunJobHandlers, type RunRef } from '../jobs/index.js';
import type { SessionResult, Store, StoredRun } from '../store/index.js';
import type { BrowserPool } from './browserPool.js';
import { replaySessionJob } from './replaySessionJob.js';

export interface RunJobContext {
  store: Store;
  logger: Logger;
  browsers: BrowserPool;
  /** Base URL of the dashboard for links in the report. */
  publicUrl?: () => string;
  /** Pushes a changed run to live updates; absent in a worker process, where the server learns from queue events. */
  publish?: (run: StoredRun) => void;
}

export function createRunJobHandlers(context: RunJobContext): RunJobHandlers {
  const { store, logger } = context;

  const errorVerdict = (sessionId: string, error: string): SessionVerdict => ({
    id: sessionId, status: 'error', error, ticketProbability: 0, divergences: [], explanation: [],
  });

  return {
    replay: (job: ReplayJob) => replaySessionJob(context, job),

    async giveUp(job, error) {
      const message = errorMessage(error);
      logger.warn({ runId: job.runId, sessionId: job.sessionId, err: message }, 'session replay failed after retries');
      await store.putSessionResult(job.projectId, { runId: job.runId, sessionId: job.sessionId, verdict: errorVerdict(job.sessionId, message) });
    },

    async reportProgress({ projectId, runId }: RunRef) {
      const run = await store.getRun(projectId, runId);
      if (!run || run.status !== 'running') return;
      const results = await store.listSessionResults(projectId, runId);
      // Never report less than already shown: another worker may have written a later count meanwhile.
      const done = Math.max(results.length, run.progress.done);
      const updated = await store.updateRun(projectId, runId, { progress: { total: run.progress.total, done }, counts: countsOf(results, 0) });
      context.publish?.(updated);
    },

    async finalize({ projectId, runId }: RunRef) {
      const run = await store.getRun(projectId, runId);
      if (!run || run.status !== 'running') return;
      let results = await store.listSessionResults(projectId, runId);
      const lost = (run.selection ?? []).filter(({ sessionId }) => !results.some((result) => result.sessionId === sessionId));
      for (const { sessionId } of lost) {
        const message = `The replay of session ${sessionId} was lost: its worker stopped repeatedly before finishing. Start the run again; if it recurs, check the workers' logs for crashes or memory limits.`;
        await store.putSessionResult(projectId, { runId, sessionId, verdict: errorVerdict(sessionId, message) });
      }
      if (lost.length) results = await store.listSessionResults(projectId, runId);
      // Run-level context (sessions sharing a divergence, page ticket history) is only known now: re-score with it.
      const verdicts = await rescoreStoredRun(store, projectId, results.map((result) => result.verdict));
      const finished = await store.updateRun(projectId, runId, completedPatch(run, results, context.publicUrl, verdicts));
      context.publish?.(finished);
      logger.info({ runId, sessions: results.length, tickets: finished.counts.tickets, lost: lost.length }, 'run completed');
    },
  };
}

function completedPatch(run: StoredRun, results: SessionResult[], publicUrl?: () => string, verdicts = results.map((result) => result.verdict)): Partial<StoredRun> {
  const tickets = groupTickets(verdicts, DEFAULT_TICKET_THRESHOLD);
  const finishedAt = Date.now();
  const report: RunReport = {
    run: {
      id: run.id,
      baseline: run.baseline.url,
      candidate: run.candidate.url,
      durationMs: finishedAt - (run.startedAt ?? run.createdAt),
      status: 'completed',
      createdAt: run.createdAt,
      dashboardUrl: publicUrl ? `${publicUrl()}/#/runs/${run.id}` : undefined,
    },
    sessions: verdicts,
    tickets,
  };
  return { status: 'completed', finishedAt, progress: { total: run.progress.total, done: results.length }, counts: countsOf(results, tickets.length), report };
}

function countsOf(results: SessionResult[], tickets: number): RunSummary['counts'] {
  return {
    replayed: results.filter((result) => result.verdict.status !== 'error').length,
    diverged: results.filter((result) => result.verdict.status === 'diverged').length,
    errors: results.filter((result) => result.verdict.status === 'error').length,
    tickets,
  };
}
