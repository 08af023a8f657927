import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CreateRunRequest, RunReport, RunSummary, SessionVerdict } from '../../protocol/index.js';
import { DEFAULT_TICKET_THRESHOLD } from '../../protocol/index.js';
import { groupTickets } from '../analysis/index.js';
import type { Project, SessionResult, Store, StoredRun } from '../store/index.js';
import { createInProcessQueue, type JobQueue, type ReplayJob } from './jobQueue.js';
import { replaySessionJob } from './replaySessionJob.js';
import type { BrowserPool } from './browserPool.js';
import { RunError } from './runErrors.js';
import { selectSessions } from './selectSessions.js';
import { assertTargetAllowed } from './targetPolicy.js';

export interface RunServiceDeps {
  store: Store;
  logger: Logger;
  browsers: BrowserPool;
  /** Called whenever a run changes, to push live updates. */
  onRunUpdated?: (run: RunSummary) => void;
  /** Concurrent session replays in this process (each is three browser contexts: A, A' and B). */
  concurrency?: number;
  /** Base URL of the dashboard for links; a function because an ephemeral port is known only after listening. */
  publicUrl?: () => string;
}

export interface RunService {
  startRun(project: Project, request: CreateRunRequest): Promise<StoredRun>;
  /** Resolves when every queued job of this process has finished (tests and `reprise ci --local`). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function createRunService(deps: RunServiceDeps): RunService {
  const { store, logger } = deps;
  const finalizing = new Map<string, Promise<void>>();

  const queue: JobQueue = createInProcessQueue(
    async (job) => {
      await replaySessionJob(deps, job);
      await recordProgress(job);
    },
    {
      concurrency: deps.concurrency ?? 2,
      onFailure: async (job, error) => {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn({ runId: job.runId, sessionId: job.sessionId, err: message }, 'session replay failed after retries');
        const verdict: SessionVerdict = { id: job.sessionId, status: 'error', error: message, ticketProbability: 0, divergences: [], explanation: [] };
        await store.putSessionResult(job.projectId, { runId: job.runId, sessionId: job.sessionId, verdict });
        await recordProgress(job);
      },
    },
  );

  async function recordProgress(job: ReplayJob) {
    // Serialize per run: progress counts are derived from stored results, so concurrent jobs never lose an update.
    const previous = finalizing.get(job.runId) ?? Promise.resolve();
    const next = previous.then(() => updateProgress(job.projectId, job.runId)).catch((error) => {
      logger.error({ err: error, runId: job.runId }, 'could not update run progress');
    });
    finalizing.set(job.runId, next);
    await next;
  }

  async function updateProgress(projectId: string, runId: string) {
    const run = await store.getRun(projectId, runId);
    if (!run || run.status !== 'running') return;
    const results = await store.listSessionResults(projectId, runId);
    const done = results.length;
    if (done < run.progress.total) {
      publish(await store.updateRun(projectId, runId, { progress: { total: run.progress.total, done }, counts: countsOf(results, 0) }));
      return;
    }
    const verdicts = results.map((result) => result.verdict);
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
        dashboardUrl: deps.publicUrl ? `${deps.publicUrl()}/#/runs/${run.id}` : undefined,
      },
      sessions: verdicts,
      tickets,
    };
    publish(
      await store.updateRun(projectId, runId, {
        status: 'completed',
        finishedAt,
        progress: { total: run.progress.total, done },
        counts: countsOf(results, tickets.length),
        report,
      }),
    );
    finalizing.delete(runId);
    logger.info({ runId, sessions: done, tickets: tickets.length }, 'run completed');
  }

  function publish(run: StoredRun) {
    const { report: _report, ...summary } = run;
    deps.onRunUpdated?.(summary);
  }

  return {
    async startRun(project, request) {
      assertTargetAllowed(project, request.baseline, 'baseline');
      assertTargetAllowed(project, request.candidate, 'candidate');
      const selected = await selectSessions(store, project.id, request.sessions);
      if (selected.length === 0) {
        throw new RunError(
          'NO_SESSIONS',
          `Cannot start the run: project ${project.id} has no recorded sessions to replay. ` +
            `Embed the recorder (<script src=".../recorder.js" data-project="${project.ingestKey}" defer>) in your staging app and use it first.`,
          409,
        );
      }
      const now = Date.now();
      const run: StoredRun = {
        id: `run_${now.toString(36)}_${randomUUID().slice(0, 8)}`,
        projectId: project.id,
        status: 'running',
        trigger: request.trigger ?? 'api',
        baseline: { url: request.baseline },
        candidate: { url: request.candidate },
        createdAt: now,
        startedAt: now,
        progress: { total: selected.length, done: 0 },
        counts: { replayed: 0, diverged: 0, errors: 0, tickets: 0 },
        selection: selected,
      };
      await store.createRun(run);
      publish(run);
      queue.enqueue(selected.map(({ sessionId }) => ({ projectId: project.id, runId: run.id, sessionId })));
      logger.info({ runId: run.id, sessions: selected.length, baseline: request.baseline, candidate: request.candidate }, 'run started');
      return run;
    },
    drain: () => queue.drain(),
    close: () => queue.close(),
  };
}

function countsOf(results: SessionResult[], tickets: number): RunSummary['counts'] {
  return {
    replayed: results.filter((result) => result.verdict.status !== 'error').length,
    diverged: results.filter((result) => result.verdict.status === 'diverged').length,
    errors: results.filter((result) => result.verdict.status === 'error').length,
    tickets,
  };
}
