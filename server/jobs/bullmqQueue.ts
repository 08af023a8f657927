// The Redis backend's producer side: a run becomes a BullMQ flow whose children are the session replays and whose
// parent is the finalization, so BullMQ itself starts finalization once, after the last replay has ended.
import { FlowProducer, Queue, QueueEvents } from 'bullmq';
import { MAX_ATTEMPTS, type JobQueue, type RunRef } from './jobQueue.js';
import { FINALIZE_JOB, KEEP_FINISHED_JOBS_S, REPLAY_JOB, REPLAY_QUEUE, RETRY_BASE_DELAY_MS, finalizeJobId, replayJobId } from './bullmqNames.js';
import { bullmqConnection, logOncePerMinute, whenConnected, type RedisErrorHandler } from './redisConnection.js';

export interface BullmqQueueOptions {
  redisUrl: string;
  /** Called in every server process for each replay or finalization that ended on any worker. */
  onRunChanged?: (run: RunRef) => void;
  /** Connection errors while Redis is away (BullMQ reconnects by itself); logged at most once a minute each. */
  onError?: RedisErrorHandler;
}

const DRAIN_POLL_MS = 250;

export async function createBullmqQueue(options: BullmqQueueOptions): Promise<JobQueue> {
  const connection = bullmqConnection(options.redisUrl);
  const flows = new FlowProducer({ connection });
  const queue = new Queue(REPLAY_QUEUE, { connection });
  const events = new QueueEvents(REPLAY_QUEUE, { connection });
  const onError = options.onError ?? logOncePerMinute();
  flows.on('error', onError);
  queue.on('error', onError);
  events.on('error', onError);
  try {
    await whenConnected(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), options.redisUrl, 'queue replay jobs');
  } catch (error) {
    await Promise.allSettled([events.close(), flows.close(), queue.close()]);
    throw error;
  }

  const notify = (value: unknown) => {
    const run = value as Partial<RunRef> | undefined;
    if (run?.projectId && run.runId) options.onRunChanged?.({ projectId: run.projectId, runId: run.runId });
  };
  events.on('completed', ({ returnvalue }) => notify(typeof returnvalue === 'string' ? safeJson(returnvalue) : returnvalue));
  events.on('failed', ({ jobId }) => void queue.getJob(jobId).then((job) => notify(job?.data), () => {}));

  const keep = { removeOnComplete: { age: KEEP_FINISHED_JOBS_S }, removeOnFail: { age: KEEP_FINISHED_JOBS_S } };
  const retries = { attempts: MAX_ATTEMPTS, backoff: { type: 'exponential', delay: RETRY_BASE_DELAY_MS } };

  return {
    backend: 'bullmq',
    async enqueueRun(run, sessionIds) {
      await flows.add({
        name: FINALIZE_JOB,
        queueName: REPLAY_QUEUE,
        data: run,
        opts: { jobId: finalizeJobId(run.runId), ...retries, ...keep },
        children: sessionIds.map((sessionId) => ({
          name: REPLAY_JOB,
          queueName: REPLAY_QUEUE,
          data: { ...run, sessionId },
          // A child that fails for good (stalled too often) must not block the run: finalization records it as lost.
          opts: { jobId: replayJobId(run.runId, sessionId), ...retries, ...keep, ignoreDependencyOnFailure: true },
        })),
      });
    },
    async drain() {
      for (;;) {
        const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'waiting-children', 'prioritized');
        if (Object.values(counts).every((count) => count === 0)) return;
        await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
      }
    },
    async close() {
      await Promise.allSettled([events.close(), flows.close(), queue.close()]);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
