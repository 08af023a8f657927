// `reprise worker`: consumes replay jobs from Redis (BullMQ). Run any number of them, on any machine that reaches
// the same Redis and the same store (MongoDB, or the embedded store's data folder on the same machine).
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { DEFAULT_LOCK_DURATION_MS } from '../jobs/index.js';
import { BrowserPool, startReplayWorker } from '../runs/index.js';
import { openStore } from '../store/index.js';
import { CliError } from './apiClient.js';

export interface WorkerCommandOptions {
  concurrency: string;
  data?: string;
  redisUrl?: string;
  lockDuration?: string;
}

export async function runWorker(options: WorkerCommandOptions): Promise<void> {
  const config = loadConfig({ data: options.data, redisUrl: options.redisUrl });
  if (!config.redisUrl) {
    throw new CliError('Cannot start a replay worker: no Redis to take jobs from. Set REPRISE_REDIS_URL (or --redis-url) to the Redis the server uses.');
  }
  const concurrency = positiveInteger(options.concurrency, '--concurrency');
  const lockDurationMs = options.lockDuration === undefined ? DEFAULT_LOCK_DURATION_MS : positiveInteger(options.lockDuration, '--lock-duration');
  const logger = pino({ level: config.logLevel });
  const store = await openStore(config);
  const browsers = new BrowserPool();
  const worker = await startReplayWorker(
    { store, logger, browsers, publicUrl: () => config.publicUrl },
    { redisUrl: config.redisUrl, concurrency, lockDurationMs, stalledIntervalMs: Math.max(1000, Math.round(lockDurationMs / 2)) },
  ).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const shutdown = async (signal: string) => {
    // worker.close() lets running replays finish, so a deploy's SIGTERM does not waste them.
    logger.info({ signal }, 'replay worker stopping after its running jobs');
    await worker.close();
    await browsers.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function positiveInteger(value: string, flag: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new CliError(`Invalid ${flag}: expected a whole number of at least 1, got "${value}".`);
  return parsed;
}
