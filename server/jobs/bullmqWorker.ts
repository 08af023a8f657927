// The Redis backend's consumer side, run by `reprise worker` (and by the server unless told not to).
import { randomUUID } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { FINALIZE_JOB, REPLAY_QUEUE, finalizedKey } from './bullmqNames.js';
import { errorMessage, type RunJobHandlers, type RunRef } from './jobQueue.js';
import { bullmqConnection, createRedisConnection, logOncePerMinute, whenConnected } from './redisConnection.js';

export interface BullmqWorkerOptions {
  redisUrl: string;
  /** Session replays this worker runs at once (each is three browser contexts). */
  concurrency: number;
  logger: Logger;
  /**
   * How long a job stays owned without a lock renewal (renewed every half of it). A worker that dies loses its
   * jobs to another worker after about lockDurationMs + stalledIntervalMs.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface RunningWorker {
  readonly id: string;
  close(): Promise<void>;
}

export const DEFAULT_LOCK_DURATION_MS = 30_000;
/** A job whose worker died this many times is given up (its session is reported as lost). */
const MAX_STALLED_COUNT = 2;
const FINALIZED_MARK_TTL_S = 7 * 24 * 3600;

export async function startBullmqWorker(handlers: RunJobHandlers, options: BullmqWorkerOptions): Promise<RunningWorker> {
  const id = `worker-${randomUUID().slice(0, 8)}`;
  const logger = options.logger.child({ worker: id });
  const redis = createRedisConnection(options.redisUrl, logOncePerMinute((message) => logger.warn(message)));
  const lockDurationMs = options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS;

  // BullMQ starts a flow's parent once, but a worker that dies mid-finalization lets another one start it again:
  // this mark makes the report written once, and expires so that a dead holder does not block the run forever.
  const finalizeOnce = async (run: RunRef) => {
    const key = finalizedKey(run.runId);
    const acquired = await redis.set(key, id, 'PX', lockDurationMs, 'NX');
    if (acquired !== 'OK') {
      if ((await redis.get(key)) === 'done') return;
      throw new Error(`Cannot finalize run ${run.runId} yet: another worker holds its finalization; BullMQ will retry.`);
    }
    try {
      await handlers.finalize(run);
      await redis.set(key, 'done', 'EX', FINALIZED_MARK_TTL_S);
    } catch (error) {
      await redis.del(key);
      throw error;
    }
  };

  const processJob = async (job: Job): Promise<RunRef> => {
    const run: RunRef = { projectId: job.data.projectId, runId: job.data.runId };
    if (job.name === FINALIZE_JOB) {
      await finalizeOnce(run);
      logger.info({ jobId: job.id, runId: run.runId }, 'run finalized');
      return run;
    }
    const replayJob = { ...run, sessionId: job.data.sessionId as string, attempt: job.attemptsMade };
    logger.info({ jobId: job.id, runId: run.runId, sessionId: replayJob.sessionId, attempt: replayJob.attempt }, 'replay job started');
    try {
      await handlers.replay(replayJob);
    } catch (error) {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      logger.warn({ jobId: job.id, err: errorMessage(error) }, 'replay job failed after its last attempt');
      await handlers.giveUp(replayJob, error);
    }
    await handlers.reportProgress(run);
    logger.info({ jobId: job.id, runId: run.runId, sessionId: replayJob.sessionId }, 'replay job completed');
    return run;
  };

  const worker = new Worker(REPLAY_QUEUE, processJob, {
    connection: bullmqConnection(options.redisUrl),
    concurrency: options.concurrency,
    lockDuration: lockDurationMs,
    stalledInterval: options.stalledIntervalMs ?? lockDurationMs,
    maxStalledCount: MAX_STALLED_COUNT,
    name: id,
  });
  worker.on('failed', (job, error) => logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: error.message }, 'job attempt failed'));
  worker.on('error', (error) => logger.error({ err: error.message }, 'worker error'));
  try {
    await whenConnected(Promise.all([worker.waitUntilReady(), redis.ping()]), options.redisUrl, 'start the replay worker');
  } catch (error) {
    await worker.close(true).catch(() => {});
    redis.disconnect();
    throw error;
  }
  logger.info({ concurrency: options.concurrency, lockDurationMs }, 'replay worker ready');

  return {
    id,
    async close() {
      await worker.close();
      redis.disconnect();
    },
  };
}
