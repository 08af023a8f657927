// A real server on 127.0.0.1:0 with a temp data dir, for integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApiToken } from '../../auth/index.js';
import { loadConfig, type ServerConfig } from '../../config.js';
import { startServer, type RunningServer } from '../../http/index.js';

export const INGEST_KEY = 'ingest-key-default-0001';
export const ADMIN_TOKEN = 'admin-token-for-tests-0001';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestServer extends RunningServer {
  /** Project B, its ingest key and an API token scoped to it. */
  projectB: { id: string; ingestKey: string; token: string };
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-http-'));
  const config: ServerConfig = {
    ...loadConfig({ port: 0, data: dataDir }, {
      REPRISE_PROJECT_KEY: INGEST_KEY,
      REPRISE_ADMIN_TOKEN: ADMIN_TOKEN,
      REPRISE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      REPRISE_ALLOWED_ORIGINS: 'https://shop.example',
      REPRISE_LOG_LEVEL: 'silent',
    }),
    ...overrides,
  };
  const server = await startServer(config, { logger: pino({ level: 'silent' }), distDir: path.join(dataDir, 'no-dist') });
  await server.store.upsertProject({ id: 'project-b', name: 'B', ingestKey: 'ingest-key-b-0001', allowedOrigins: ['*'], retentionDays: 0, createdAt: 1 });
  const token = await createApiToken(server.store, { projectId: 'project-b', name: 'b-ci' });
  return {
    ...server,
    projectB: { id: 'project-b', ingestKey: 'ingest-key-b-0001', token },
    stop: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function adminHeaders(project = 'default'): Record<string, string> {
  return { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-reprise-project': project };
}
