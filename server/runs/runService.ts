import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CreateRunRequest, RunSummary } from '../../protocol/index.js';
import { createBullmqQueue, createInProcessQueue, logOncePerMinute, type JobQueue, type RunRef } from '../jobs/index.js';
import type { Project, Store, StoredRun } from '../store/index.js';
import type { BrowserPool } from './browserPool.js';
import { createRunJobHandlers } from './runJobHandlers.js';
import { RunError } from './runErrors.js';
import { selectSessions } from './selectSessions.js';
import { assertTargetAllowed } from './targetPolicy.js';

/**
 * Where a run update comes from: this process changed the run, or a queue event says that some worker (maybe on
 * another machine) did. Every server process hears queue events, so those are emitted to its own sockets only.
 */
export type RunUpdateOrigin = 'this-process' | 'queue-event';

export interface RunServiceDeps {
  store: Store;
  logger: Logger;
  browsers: BrowserPool;
  /** Called whenever a run changes, to push live updates. */
  onRunUpdated?: (run: RunSummary, origin: RunUpdateOrigin) => void;
  /** Concurrent session replays in this process (each is three browser contexts: A, A' and B). */
  concurrency?: number;
  /** Base URL of the dashboard for links; a function because an ephemeral port is known only after listening. */
  publicUrl?: () => string;
  /** Distribute replay jobs through BullMQ on this Redis (`reprise worker` processes) instead of this process. */
  redisUrl?: string;
}

export interface RunService {
  readonly backend: JobQueue['backend'];
  /** Resolves once the job backend is connected; rejects with an actionable error when it cannot be. */
  ready(): Promise<void>;
  startRun(project: Project, request: CreateRunRequest): Promise<StoredRun>;
  /**
   * Marks a queued or running run 'cancelled' (its waiting jobs then skip, progress stops); a finished run is
   * returned unchanged, an unknown one as undefined. Used when a newer deploy of the same pull request supersedes it.
   */
  cancelRun(projectId: string, runId: string): Promise<StoredRun | undefined>;
  /** Resolves when no replay job is waiting or running (tests and `reprise ci --local`). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function createRunService(deps: RunServiceDeps): RunService {
  const { store, logger } = deps;
  const publish = (run: StoredRun, origin: RunUpdateOrigin) => {
    const { report: _report, ...summary } = run;
    deps.onRunUpdated?.(summary, origin);
  };
  const publishStored = async ({ projectId, runId }: RunRef) => {
    const run = await store.getRun(projectId, runId).catch(() => undefined);
    if (run) publish(run, 'queue-event');
  };

  const queueReady: Promise<JobQueue> = deps.redisUrl
    ? createBullmqQueue({ redisUrl: deps.redisUrl, onRunChanged: (run) => void publishStored(run), onError: logOncePerMinute((message) => logger.warn(message)) })
    : Promise.resolve(
        createInProcessQueue(createRunJobHandlers({ ...deps, publish: (run) => publish(run, 'this-process') }), { concurrency: deps.concurrency ?? 2 }),
      );
  queueReady.catch(() => {});

  return {
    backend: deps.redisUrl ? 'bullmq' : 'in-process',
    ready: async () => {
      await queueReady;
    },
    async startRun(project, request) {
      assertTargetAllowed(project, request.baseline, 'baseline');
      assertTargetAllowed(project, request.candidate, 'candidate');
      const selected = await selectSessions(store, project.id, request.sessions ?? project.selectionBudget);
      if (selected.length === 0) {
        throw new RunError(
          'NO_SESSIONS',
          `Cannot start the run: project ${project.id} has no recorded sessions to replay. ` +
            `Embed the recorder in your staging app (dashboard → Settings → Recorder, or docs/recorder.md; project key ${project.ingestKey}) and use it first.`,
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
      const queue = await queueReady;
      await store.createRun(run);
      publish(run, 'this-process');
      await queue.enqueueRun({ projectId: project.id, runId: run.id }, selected.map(({ sessionId }) => sessionId));
      logger.info({ runId: run.id, sessions: selected.length, backend: queue.backend, baseline: request.baseline, candidate: request.candidate }, 'run started');
      return run;
    },
    async cancelRun(projectId, runId) {
      const run = await store.getRun(projectId, runId);
      if (!run || (run.status !== 'running' && run.status !== 'queued')) return run;
      const cancelled = await store.updateRun(projectId, runId, { status: 'cancelled', finishedAt: Date.now() });
      publish(cancelled, 'this-process');
      logger.info({ runId }, 'run cancelled');
      return cancelled;
    },
    drain: async () => (await queueReady).drain(),
    close: async () => (await queueReady.catch(() => undefined))?.close(),
  };
}
