// The whole product (startReprise: ingest, API, runs) on 127.0.0.1:0 with a temp data dir, plus a second
// project with its own ingest key and API token, for the reliability suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiToken } from '../../server/auth/index.js';
import { loadConfig, type ServerConfig } from '../../server/config.js';
import { startReprise, type RunningReprise } from '../../server/startReprise.js';

export const INGEST_KEY = 'reliability-ingest-key-a';
export const ADMIN_TOKEN = 'reliability-admin-token-0001';
export const ADMIN_PASSWORD = 'reliability admin password';
export const ALLOWED_ORIGIN = 'https://shop.example';

export interface ReliabilityServer extends RunningReprise {
  dataDir: string;
  projectA: { id: string; ingestKey: string; token: string };
  projectB: { id: string; ingestKey: string; token: string };
  stop(): Promise<void>;
}

export async function startReliabilityServer(overrides: Partial<ServerConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<ReliabilityServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-reliability-'));
  const config: ServerConfig = {
    ...loadConfig({ port: 0, data: dataDir }, {
      REPRISE_PROJECT_KEY: INGEST_KEY,
      REPRISE_ADMIN_TOKEN: ADMIN_TOKEN,
      REPRISE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      REPRISE_ALLOWED_ORIGINS: ALLOWED_ORIGIN,
      REPRISE_LOG_LEVEL: 'silent',
      ...env,
    }),
    ...overrides,
  };
  const server = await startReprise(config);
  const tokenA = await createApiToken(server.store, { projectId: 'default', name: 'a-ci' });
  await server.store.upsertProject({ id: 'project-b', name: 'B', ingestKey: 'reliability-ingest-key-b', allowedOrigins: ['*'], retentionDays: 0, createdAt: 1 });
  const tokenB = await createApiToken(server.store, { projectId: 'project-b', name: 'b-ci' });
  return {
    ...server,
    dataDir,
    projectA: { id: 'default', ingestKey: INGEST_KEY, token: tokenA },
    projectB: { id: 'project-b', ingestKey: 'reliability-ingest-key-b', token: tokenB },
    stop: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Long mode (REPRISE_LONG_TESTS=1) runs the figures the issue asks for; the default run is shorter but asserts the same. */
export const LONG_TESTS = process.env.REPRISE_LONG_TESTS === '1';

