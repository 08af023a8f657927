import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { importRrwebEvents } from '../../http/index.js';
import { startReprise, type RunningReprise } from '../../startReprise.js';
import { startTinyApp, tinyVisit, type TinyApp } from '../helpers/tinyApp.js';

const ADMIN = 'admin-token-schedules-0001';

describe('server/triggers | scheduler', () => {
  let reprise: RunningReprise;
  let app: TinyApp;
  let dataDir: string;
  const api = (method: string, body?: unknown) => fetch(`${reprise.url}/api/schedules?project=default`, {
    method, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });

  beforeAll(async () => {
    app = await startTinyApp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-schedules-'));
    const config = loadConfig({ port: 0, data: dataDir }, {
      REPRISE_PROJECT_KEY: 'ingest-schedules-0001', REPRISE_ADMIN_TOKEN: ADMIN, REPRISE_ALLOWED_ORIGINS: app.origin, REPRISE_LOG_LEVEL: 'silent',
    });
    reprise = await startReprise(config, { schedulerIntervalMs: 0, concurrency: 1 });
    await importRrwebEvents(reprise.store, 'default', tinyVisit(app.origin), 'scheduled-visit-1');
  });
  afterAll(async () => {
    await reprise?.close();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an invalid cron expression with a message saying what to write', async () => {
    const response = await api('PUT', { schedules: [{ cron: 'nightly', candidateUrl: `${app.origin}/` }] });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/Invalid schedule "nightly".*five cron fields/);
  });

  it('shows the next run times and fires a due schedule as a run', async () => {
    const before = Date.now();
    const saved = await api('PUT', { schedules: [{ cron: '* * * * * *', baselineUrl: `${app.origin}/`, candidateUrl: `${app.origin}/` }] });
    expect(saved.status).toBe(200);
    const [view] = (await (await api('GET')).json()).items;
    expect(view.nextRunAt).toBeGreaterThan(before);
    expect(view.upcoming).toHaveLength(3);
    expect(view.upcoming[1] - view.upcoming[0]).toBe(1000);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const started = await reprise.scheduler.tick();
    expect(started).toHaveLength(1);
    await reprise.runs.drain();
    const run = await reprise.store.getRun('default', started[0]!);
    expect(run).toMatchObject({ trigger: 'schedule', status: 'completed', candidate: { url: `${app.origin}/` } });
    const [after] = (await (await api('GET')).json()).items;
    expect(after.lastRunId).toBe(started[0]);
  });
});
