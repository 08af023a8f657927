import { describe, expect, it } from 'vitest';
import { createInProcessQueue, MAX_ATTEMPTS, type ReplayJob, type RunJobHandlers, type RunRef } from '../../jobs/index.js';

function recordingHandlers(failures: Record<string, number>) {
  const calls: string[] = [];
  const handlers: RunJobHandlers = {
    async replay(job: ReplayJob) {
      calls.push(`replay ${job.sessionId} #${job.attempt}`);
      if ((failures[job.sessionId] ?? 0) > job.attempt) throw new Error(`boom ${job.sessionId}`);
    },
    async giveUp(job: ReplayJob, error: unknown) {
      calls.push(`giveUp ${job.sessionId}: ${(error as Error).message}`);
    },
    async reportProgress(run: RunRef) {
      calls.push(`progress ${run.runId}`);
    },
    async finalize(run: RunRef) {
      calls.push(`finalize ${run.runId}`);
    },
  };
  return { calls, handlers };
}

describe('server/jobs | createInProcessQueue', () => {
  it('retries a failing job with backoff, gives up after the last attempt, and finalizes each run once after its last job', async () => {
    const { calls, handlers } = recordingHandlers({ flaky: 1, broken: MAX_ATTEMPTS });
    const queue = createInProcessQueue(handlers, { concurrency: 2, retryDelayMs: 5 });
    await queue.enqueueRun({ projectId: 'p', runId: 'r1' }, ['ok', 'flaky', 'broken']);
    await queue.enqueueRun({ projectId: 'p', runId: 'r2' }, ['other']);
    await queue.drain();

    expect(calls.filter((call) => call.startsWith('replay flaky'))).toEqual(['replay flaky #0', 'replay flaky #1']);
    expect(calls.filter((call) => call.startsWith('replay broken'))).toHaveLength(MAX_ATTEMPTS);
    expect(calls).toContain(`giveUp broken: boom broken`);
    expect(calls.filter((call) => call === 'finalize r1')).toHaveLength(1);
    expect(calls.filter((call) => call === 'finalize r2')).toHaveLength(1);
    // finalization comes after every job of its run has ended
    expect(calls.indexOf('finalize r1')).toBeGreaterThan(calls.indexOf('giveUp broken: boom broken'));
    expect(calls.filter((call) => call === 'progress r1')).toHaveLength(3);
    await queue.close();
  });
});
