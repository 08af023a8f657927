import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { startReprise, type RunningReprise } from '../../startReprise.js';

const TOKEN = 'run-errors-admin-token';

describe('server/runs | run route errors', () => {
  let reprise: RunningReprise;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-run-errors-'));
    const config = loadConfig({ port: 0, data: dataDir }, {
      REPRISE_PROJECT_KEY: 'run-errors-key', REPRISE_ADMIN_TOKEN: TOKEN, REPRISE_ALLOWED_ORIGINS: 'http://127.0.0.1:9', REPRISE_LOG_LEVEL: 'silent',
    });
    reprise = await startReprise(config, { schedulerIntervalMs: 0 });
  });
  afterAll(async () => {
    await reprise?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${reprise.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-reprise-project': 'default', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, error: ((await response.json()) as { error?: { code: string; message: string } }).error };
  };

  it('answers domain errors with their status, code and message through the shared error handler', async () => {
    const missingRun = await call('GET', '/api/runs/run_nope');
    expect(missingRun).toMatchObject({ status: 404, error: { code: 'RUN_NOT_FOUND' } });
    expect(missingRun.error?.message).toContain('run_nope');

    const targets = { baseline: 'http://127.0.0.1:9/', candidate: 'http://127.0.0.1:9/' };
    const missingSession = await call('POST', '/api/runs', { ...targets, sessions: ['no-such-session'] });
    expect(missingSession).toMatchObject({ status: 404, error: { code: 'SESSION_NOT_FOUND' } });

    const noSessions = await call('POST', '/api/runs', targets);
    expect(noSessions).toMatchObject({ status: 409, error: { code: 'NO_SESSIONS' } });

    const disallowed = await call('POST', '/api/runs', { ...targets, candidate: 'http://127.0.0.1:10/' });
    expect(disallowed).toMatchObject({ status: 403, error: { code: 'ORIGIN_NOT_ALLOWED' } });
    expect(disallowed.error?.message).toContain('Allowed origins');
  });
});
