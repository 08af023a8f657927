// Server configuration from CLI flags and the environment. Flags win over the environment.
import path from 'node:path';
import { z } from 'zod';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  mongoUrl?: string;
  redisUrl?: string;
  /** Ingest key of the default project, created at start when set. */
  projectKey?: string;
  adminToken?: string;
  adminPassword?: string;
  /** HMAC secret of deployment webhooks for the default project (REPRISE_WEBHOOK_SECRET). */
  webhookSecret?: string;
  allowedOrigins: string[];
  publicUrl: string;
  logLevel: string;
  /** Ingest rate limit per project: sustained batches per second and burst size. */
  ingestRatePerSecond: number;
  ingestBurst: number;
  /** API rate limit per credential (token, login session, or client address): sustained requests per second and burst. */
  apiRatePerSecond?: number;
  apiBurst?: number;
}

export type ConfigFlags = Partial<{ port: number; data: string; mongoUrl: string; redisUrl: string }>;

export const DEFAULT_PORT = 4400;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

const portSchema = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');
const positiveNumber = z.coerce.number().positive('must be a positive number');
const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = parseField('port (--port or PORT)', portSchema, flags.port ?? nonEmpty(env.PORT) ?? DEFAULT_PORT);
  const logLevel = parseField('REPRISE_LOG_LEVEL', logLevelSchema, nonEmpty(env.REPRISE_LOG_LEVEL) ?? 'info');
  const ingestRatePerSecond = parseField('REPRISE_INGEST_RATE', positiveNumber, nonEmpty(env.REPRISE_INGEST_RATE) ?? 50);
  const ingestBurst = parseField('REPRISE_INGEST_BURST', positiveNumber, nonEmpty(env.REPRISE_INGEST_BURST) ?? 200);
  const publicUrl = nonEmpty(env.REPRISE_PUBLIC_URL) ?? `http://localhost:${port}`;
  parseField('REPRISE_PUBLIC_URL', z.url({ protocol: /^https?$/ }), publicUrl);
  const origins = (nonEmpty(env.REPRISE_ALLOWED_ORIGINS) ?? '*')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return {
    port,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    dataDir: path.resolve(flags.data ?? nonEmpty(env.REPRISE_DATA_DIR) ?? './.reprise'),
    mongoUrl: flags.mongoUrl ?? nonEmpty(env.REPRISE_MONGO_URL),
    redisUrl: flags.redisUrl ?? nonEmpty(env.REPRISE_REDIS_URL),
    projectKey: nonEmpty(env.REPRISE_PROJECT_KEY),
    adminToken: nonEmpty(env.REPRISE_ADMIN_TOKEN),
    adminPassword: nonEmpty(env.REPRISE_ADMIN_PASSWORD),
    webhookSecret: nonEmpty(env.REPRISE_WEBHOOK_SECRET),
    allowedOrigins: origins.length ? origins : ['*'],
    publicUrl: publicUrl.replace(/\/$/, ''),
    logLevel,
    ingestRatePerSecond,
    ingestBurst,
    apiRatePerSecond: parseField('REPRISE_API_RATE', positiveNumber, nonEmpty(env.REPRISE_API_RATE) ?? 50),
    apiBurst: parseField('REPRISE_API_BURST', positiveNumber, nonEmpty(env.REPRISE_API_BURST) ?? 200),
  };
}

function parseField<T>(label: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'is invalid';
  throw new ConfigError(`Invalid configuration: ${label} ${reason}, got ${JSON.stringify(value)}. Fix the flag or environment variable and restart.`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
