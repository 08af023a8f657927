// ioredis connections for BullMQ and the Socket.IO adapter.
import { Redis } from 'ioredis';

export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  readonly code = 'REDIS_UNAVAILABLE';
}

export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/** ioredis retries forever (workers must survive a Redis restart), so the first connection gets a deadline. */
export async function whenConnected<T>(ready: Promise<T>, redisUrl: string, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(
      `Cannot ${operation}: Redis at ${redactUrl(redisUrl)} did not answer within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s. ` +
        'Start Redis (docker compose up -d redis, or redis-server) or fix REPRISE_REDIS_URL; unset it to replay in this process.',
    )), REDIS_CONNECT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ready, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function redactUrl(redisUrl: string): string {
  return redisUrl.replace(/\/\/[^@/]*@/, '//***@');
}

export class RedisConfigError extends Error {
  override readonly name = 'RedisConfigError';
  readonly code = 'REDIS_URL_INVALID';
}

/**
 * Connection options BullMQ turns into connections it owns (and closes). Workers block on Redis commands, so a
 * request must never give up after a fixed number of retries.
 */
export function bullmqConnection(redisUrl: string): { url: string; maxRetriesPerRequest: null } {
  assertRedisUrl(redisUrl);
  return { url: redisUrl, maxRetriesPerRequest: null };
}

/**
 * A connection of our own (Socket.IO adapter, finalization lock); the caller disconnects it. ioredis reconnects by
 * itself; its errors go to `onError` (the logger) instead of Node's "Unhandled error event" on stderr.
 */
export function createRedisConnection(redisUrl: string, onError: RedisErrorHandler = logOncePerMinute()): Redis {
  assertRedisUrl(redisUrl);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', onError);
  return redis;
}

export type RedisErrorHandler = (error: Error) => void;

/** While Redis is down every connection errors on every retry: report each distinct message once a minute. */
export function logOncePerMinute(log: (message: string) => void = (message) => console.warn(message)): RedisErrorHandler {
  const lastSeen = new Map<string, number>();
  return (error) => {
    const now = Date.now();
    if (now - (lastSeen.get(error.message) ?? 0) < 60_000) return;
    lastSeen.set(error.message, now);
    log(`Redis connection error (retrying): ${error.message}`);
  };
}

function assertRedisUrl(redisUrl: string): void {
  let parsed: URL;
  try {
    parsed = new URL(redisUrl);
  } catch {
    throw new RedisConfigError(`Cannot connect to Redis: expected REPRISE_REDIS_URL like redis://host:6379, got "${redisUrl}". Fix the URL and restart.`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisConfigError(`Cannot connect to Redis: REPRISE_REDIS_URL must start with redis:// or rediss://, got "${redisUrl}".`);
  }
}
