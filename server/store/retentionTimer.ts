// Runs the retention sweep at start and then on an interval, without keeping the process alive, and lets
// the server wait for a sweep in flight before it closes the store under it.
import { sweepRetention, type RetentionSweepResult } from './retention.js';
import type { Store } from './store.js';

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionTimerOptions {
  intervalMs?: number;
  now?: () => number;
  onSweep?: (result: RetentionSweepResult) => void;
  /** A failed sweep is reported and retried at the next tick; it never stops the server. */
  onError?: (error: unknown) => void;
}

export interface RetentionTimer {
  /** Resolves when the first sweep, started immediately, has finished (or failed and been reported). */
  readonly firstSweep: Promise<void>;
  /** Stops the interval and waits for a sweep in flight. */
  stop(): Promise<void>;
}

export function startRetentionTimer(store: Store, options: RetentionTimerOptions = {}): RetentionTimer {
  const { intervalMs = RETENTION_INTERVAL_MS, now = Date.now, onSweep, onError } = options;
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const sweep = (): Promise<void> => {
    // An overlapping tick (a sweep slower than the interval) is skipped rather than queued.
    if (stopped || inFlight) return inFlight ?? Promise.resolve();
    inFlight = sweepRetention(store, now())
      .then((result) => onSweep?.(result), (error: unknown) => onError?.(error))
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const firstSweep = sweep();
  const interval = setInterval(sweep, intervalMs);
  interval.unref();
  return {
    firstSweep,
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      await inFlight;
    },
  };
}
