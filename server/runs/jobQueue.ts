// The in-process job backend: a bounded-concurrency queue with one retry per job. A run is many session-replay
// jobs; each job is idempotent (its result is keyed by run and session), so a retry never duplicates a result.

export interface ReplayJob {
  projectId: string;
  runId: string;
  sessionId: string;
  attempt: number;
}

export type JobHandler = (job: ReplayJob) => Promise<void>;

export interface JobQueue {
  enqueue(jobs: Omit<ReplayJob, 'attempt'>[]): void;
  /** Resolves when every queued and running job has finished. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export const MAX_ATTEMPTS = 2;

export function createInProcessQueue(handler: JobHandler, options: { concurrency: number; onFailure: (job: ReplayJob, error: unknown) => Promise<void> }): JobQueue {
  const pending: ReplayJob[] = [];
  let running = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const pump = () => {
    while (!closed && running < options.concurrency && pending.length) {
      const job = pending.shift()!;
      running++;
      void execute(job).finally(() => {
        running--;
        pump();
        if (running === 0 && pending.length === 0) {
          idleWaiters.forEach((resolve) => resolve());
          idleWaiters = [];
        }
      });
    }
  };

  const execute = async (job: ReplayJob) => {
    try {
      await handler(job);
    } catch (error) {
      if (job.attempt + 1 < MAX_ATTEMPTS && !closed) pending.push({ ...job, attempt: job.attempt + 1 });
      else await options.onFailure(job, error).catch(() => {});
    }
  };

  return {
    enqueue(jobs) {
      pending.push(...jobs.map((job) => ({ ...job, attempt: 0 })));
      pump();
    },
    drain() {
      if (running === 0 && pending.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      pending.length = 0;
    },
  };
}
