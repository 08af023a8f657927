// The default backend: replay jobs run in this process with bounded concurrency. A run is finalized by the same
// process once its last job has ended, so per-run work is serialized here without any lock.
import { MAX_ATTEMPTS, type JobQueue, type ReplayJob, type RunJobHandlers, type RunRef } from './jobQueue.js';

export interface InProcessQueueOptions {
  concurrency: number;
  /** Delay before retry n (1-based) is `retryDelayMs * 2^(n-1)`. */
  retryDelayMs?: number;
}

export function createInProcessQueue(handlers: RunJobHandlers, options: InProcessQueueOptions): JobQueue {
  const pending: ReplayJob[] = [];
  const remainingByRun = new Map<string, number>();
  const runChains = new Map<string, Promise<void>>();
  let running = 0;
  let delayed = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settleIfIdle = () => {
    if (running === 0 && delayed === 0 && pending.length === 0 && runChains.size === 0) {
      idleWaiters.forEach((resolve) => resolve());
      idleWaiters = [];
    }
  };

  const pump = () => {
    while (!closed && running < options.concurrency && pending.length) {
      const job = pending.shift()!;
      running++;
      void execute(job).finally(() => {
        running--;
        pump();
        settleIfIdle();
      });
    }
  };

  // Progress and finalization of one run never overlap: progress counts are derived from stored results.
  const afterJob = (run: RunRef, ended: boolean) => {
    const previous = runChains.get(run.runId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await handlers.reportProgress(run);
      if (!ended) return;
      const remaining = (remainingByRun.get(run.runId) ?? 1) - 1;
      remainingByRun.set(run.runId, remaining);
      if (remaining > 0) return;
      remainingByRun.delete(run.runId);
      await handlers.finalize(run);
    });
    const tracked = next.catch(() => {}).finally(() => {
      if (runChains.get(run.runId) === tracked) runChains.delete(run.runId);
      settleIfIdle();
    });
    runChains.set(run.runId, tracked);
    return next;
  };

  const execute = async (job: ReplayJob) => {
    const run = { projectId: job.projectId, runId: job.runId };
    try {
      await handlers.replay(job);
    } catch (error) {
      if (job.attempt + 1 < MAX_ATTEMPTS && !closed) {
        retryLater({ ...job, attempt: job.attempt + 1 });
        return;
      }
      await handlers.giveUp(job, error).catch(() => {});
    }
    await afterJob(run, true).catch(() => {});
  };

  const retryLater = (job: ReplayJob) => {
    delayed++;
    setTimeout(() => {
      delayed--;
      if (!closed) pending.push(job);
      pump();
      settleIfIdle();
    }, (options.retryDelayMs ?? 1000) * 2 ** (job.attempt - 1));
  };

  return {
    backend: 'in-process',
    async enqueueRun(run, sessionIds) {
      remainingByRun.set(run.runId, sessionIds.length);
      pending.push(...sessionIds.map((sessionId) => ({ ...run, sessionId, attempt: 0 })));
      pump();
    },
    drain() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIfIdle();
      });
    },
    async close() {
      closed = true;
      pending.length = 0;
    },
  };
}
