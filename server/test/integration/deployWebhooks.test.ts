import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { importRrwebEvents } from '../../http/index.js';
import { startReprise, type RunningReprise } from '../../startReprise.js';
import { githubSignature, signDeploymentWebhook } from '../../triggers/index.js';
import { startTinyApp, tinyVisit, type TinyApp } from '../helpers/tinyApp.js';

const SECRET = 'whsec-test-0001';
const ADMIN = 'admin-token-webhooks-0001';

describe('server/triggers | deployment webhooks', () => {
  let reprise: RunningReprise;
  let app: TinyApp;
  let forbidden: TinyApp;
  let dataDir: string;

  beforeAll(async () => {
    app = await startTinyApp();
    forbidden = await startTinyApp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-webhooks-'));
    const config = loadConfig({ port: 0, data: dataDir }, {
      REPRISE_PROJECT_KEY: 'ingest-webhooks-0001', REPRISE_ADMIN_TOKEN: ADMIN, REPRISE_WEBHOOK_SECRET: SECRET,
      REPRISE_ALLOWED_ORIGINS: app.origin, REPRISE_LOG_LEVEL: 'silent',
    });
    reprise = await startReprise(config, { schedulerIntervalMs: 0, concurrency: 1 });
    await importRrwebEvents(reprise.store, 'default', tinyVisit(app.origin), 'tiny-visit-1');
  });
  afterAll(async () => {
    await reprise?.close();
    await app?.close();
    await forbidden?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (body: object, headers: (raw: string) => Record<string, string> = (raw) => ({ 'x-reprise-signature': signDeploymentWebhook(SECRET, raw) })) => {
    const raw = JSON.stringify(body);
    return fetch(`${reprise.url}/api/deployments`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers(raw) }, body: raw });
  };
  const preview = (commit: string, extra: object = {}) => ({ project: 'default', environment: 'preview', url: `${app.origin}/`, commit, pullRequest: 7, ...extra });

  it('refuses unsigned, wrongly signed and stale deployments with 401', async () => {
    const unsigned = await send(preview('c0'), () => ({}));
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).error.code).toBe('SIGNATURE_MISSING');
    const wrong = await send(preview('c0'), (raw) => ({ 'x-reprise-signature': signDeploymentWebhook('not-the-secret', raw) }));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('SIGNATURE_INVALID');
    const stale = await send(preview('c0'), (raw) => ({ 'x-reprise-signature': signDeploymentWebhook(SECRET, raw, Date.now() - 6 * 60_000) }));
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.message).toContain('replayed or stale');
  });

  it('asks for a baseline until a production deployment is recorded', async () => {
    const noBaseline = await send(preview('c0'));
    expect(noBaseline.status).toBe(409);
    expect((await noBaseline.json()).error.code).toBe('NO_BASELINE');
    const production = await send({ project: 'default', environment: 'Production', url: `${app.origin}/`, commit: 'prod-1' });
    expect(await production.json()).toEqual({ action: 'baseline-recorded' });
  });

  it('starts one run per commit, and a newer deploy of the pull request cancels the older run', async () => {
    app.closeGate();
    const first = await send(preview('c1', { deployedAt: 1_000 }));
    const started = await first.json();
    expect(first.status, JSON.stringify(started)).toBe(201);
    expect(started).toMatchObject({ action: 'started', baseline: `${app.origin}/` });

    const duplicate = await (await send(preview('c1', { deployedAt: 1_000 }))).json();
    expect(duplicate).toEqual({ action: 'duplicate', runId: started.runId });

    const newer = await (await send(preview('c2', { deployedAt: 2_000 }))).json();
    expect(newer.action).toBe('started');
    expect(newer.cancelledRunIds).toEqual([started.runId]);

    const late = await (await send(preview('c0', { deployedAt: 500 }))).json();
    expect(late).toEqual({ action: 'superseded', by: 'c2' });

    app.openGate();
    await reprise.runs.drain();
    expect((await reprise.store.getRun('default', started.runId))?.status).toBe('cancelled');
    const completed = await reprise.store.getRun('default', newer.runId);
    expect(completed).toMatchObject({ status: 'completed', trigger: 'webhook', candidate: { commit: 'c2', pullRequest: 7 } });
    expect(completed?.report?.sessions.map((session) => session.id)).toEqual(['tiny-visit-1']);
  });

  it('accepts GitHub deployment_status events verified with X-Hub-Signature-256', async () => {
    const at = new Date().toISOString();
    const event = (state: string) => JSON.stringify({
      deployment_status: { state, environment_url: `${app.origin}/`, created_at: at },
      deployment: { sha: 'gh-sha-1', ref: 'refs/pull/9/head', environment: 'Preview', created_at: at },
    });
    const post = (raw: string, signature: string) => fetch(`${reprise.url}/api/webhooks/github?project=default`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'deployment_status', 'x-hub-signature-256': signature }, body: raw,
    });
    expect((await post(event('success'), githubSignature('wrong', event('success')))).status).toBe(401);
    expect(await (await post(event('in_progress'), githubSignature(SECRET, event('in_progress')))).json()).toMatchObject({ action: 'ignored' });
    const accepted = await post(event('success'), githubSignature(SECRET, event('success')));
    expect(accepted.status).toBe(201);
    const { runId } = await accepted.json();
    expect((await reprise.store.getRun('default', runId))?.candidate).toMatchObject({ commit: 'gh-sha-1', pullRequest: 9 });
    await reprise.runs.drain();
  });

  it('never replays against an origin the project does not allow', async () => {
    const response = await send({ project: 'default', environment: 'preview', url: `${forbidden.origin}/`, commit: 'evil-1' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('ORIGIN_NOT_ALLOWED');
    await reprise.runs.drain();
    expect(forbidden.received).toEqual([]);
    const listed = await (await fetch(`${reprise.url}/api/deployments?project=default`, { headers: { authorization: `Bearer ${ADMIN}` } })).json();
    expect(listed.items.map((deployment: { commit: string }) => deployment.commit)).not.toContain('evil-1');
  });
});
