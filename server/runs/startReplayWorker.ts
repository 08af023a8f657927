// A replay worker on the Redis backend: consumes session-replay and finalization jobs of every run, from any server.
import type { Logger } from 'pino';
import { startBullmqWorker, type RunningWorker } from '../jobs/index.js';
import type { Store } from '../store/index.js';
import type { BrowserPool } from './browserPool.js';
import { createRunJobHandlers } from './runJobHandlers.js';

export interface ReplayWorkerOptions {
  redisUrl: string;
  concurrency: number;
  /** See BullmqWorkerOptions: how soon a dead worker's job moves to another worker. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export function startReplayWorker(
  context: { store: Store; logger: Logger; browsers: BrowserPool; publicUrl?: () => string },
  options: ReplayWorkerOptions,
): Promise<RunningWorker> {
  // No `publish`: the servers learn of progress from BullMQ's queue events and push it to their dashboards.
  return startBullmqWorker(createRunJobHandlers(context), { ...options, logger: context.logger });
}
