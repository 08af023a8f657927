// GET /readyz: what must answer for this server to take traffic. Each check is stateless, so the answer
// recovers by itself when the disk is freed, the folder is writable again, or Redis is back.
import fs from 'node:fs/promises';
import { Redis } from 'ioredis';
import type { ServerConfig } from '../config.js';
import type { Store } from '../store/index.js';

/** Below this much free space an ingest batch plus SQLite's WAL growth may no longer fit. */
export const MIN_FREE_DATA_BYTES = 256 * 1024;
const REDIS_PING_TIMEOUT_MS = 1_000;

export interface ReadinessProblem {
  code: 'STORE_UNREACHABLE' | 'STORAGE_FULL' | 'STORAGE_READ_ONLY' | 'REDIS_UNREACHABLE';
  message: string;
}

export interface Readiness {
  ok: boolean;
  store: Store['kind'];
  redis?: 'up' | 'down';
  error?: ReadinessProblem;
  problems?: ReadinessProblem[];
}

export async function checkReadiness(store: Store, config: Pick<ServerConfig, 'dataDir' | 'mongoUrl' | 'redisUrl'>): Promise<Readiness> {
  const problems: ReadinessProblem[] = [];
  await store.ping().catch(() => problems.push({ code: 'STORE_UNREACHABLE', message: `The ${store.kind} store does not answer.` }));
  if (store.kind === 'sqlite') problems.push(...(await checkDataDir(config.dataDir)));
  const redisProblem = config.redisUrl ? await checkRedis(config.redisUrl) : undefined;
  if (redisProblem) problems.push(redisProblem);
  const redis = config.redisUrl ? { redis: redisProblem ? 'down' as const : 'up' as const } : {};
  return problems.length ? { ok: false, store: store.kind, ...redis, error: problems[0], problems } : { ok: true, store: store.kind, ...redis };
}

async function checkDataDir(dataDir: string): Promise<ReadinessProblem[]> {
  try {
    await fs.access(dataDir, fs.constants.W_OK);
  } catch (error) {
    return [{ code: 'STORAGE_READ_ONLY', message: `The data folder ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code}); new recordings cannot be stored. Remount it read-write or fix its permissions.` }];
  }
  const stats = await fs.statfs(dataDir);
  const freeBytes = stats.bavail * stats.bsize;
  if (freeBytes >= MIN_FREE_DATA_BYTES) return [];
  return [{ code: 'STORAGE_FULL', message: `The data folder ${dataDir} has ${freeBytes} bytes free; new recordings cannot be stored. Free disk space or lower the retention days.` }];
}

// A short-lived connection per probe: the long-lived ones retry forever and would hide an outage.
async function checkRedis(redisUrl: string): Promise<ReadinessProblem | undefined> {
  const client = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: REDIS_PING_TIMEOUT_MS, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return { code: 'REDIS_UNREACHABLE', message: `Redis does not answer (${(error as Error).message}); replay jobs cannot be queued or run. Start Redis or fix REPRISE_REDIS_URL.` };
  } finally {
    client.disconnect();
  }
}
