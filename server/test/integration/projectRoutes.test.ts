import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApiToken, ModelView, ProjectSettings } from '../../../protocol/index.js';
import { ADMIN_PASSWORD, ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/testServer.js';

describe('server/http | projectRoutes (settings, tokens, webhook secret, model)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('saves validated settings and never returns fixture values', async () => {
    const response = await admin('PATCH', '/api/projects/default/settings', {
      allowedOrigins: ['https://shop.example/path', 'https://staging.shop.example', '*'],
      baselineUrl: 'https://shop.example',
      selectionBudget: 25,
      ignore: { textPatterns: ['\\d+ items'], requestPaths: ['/api/ads*'], selectors: ['button "Chat"'] },
      replayFixtures: { password: 'hunter2hunter2' },
      retentionDays: 30,
    });
    expect(response.status).toBe(200);
    const settings = (await response.json()) as ProjectSettings;
    expect(settings).toMatchObject({
      allowedOrigins: ['https://shop.example', 'https://staging.shop.example', '*'],
      baselineUrl: 'https://shop.example',
      selectionBudget: 25,
      ignore: { textPatterns: ['\\d+ items'], requestPaths: ['/api/ads*'], selectors: ['button "Chat"'] },
      retentionDays: 30,
    });
    expect(JSON.stringify(settings)).not.toContain('hunter2');
    expect(settings.replayFixtures.password).toMatch(/^•+$/);
    expect((await server.store.getProject('default'))?.replayFixtures?.password).toBe('hunter2hunter2');

    const cleared = (await (await admin('PATCH', '/api/projects/default/settings', { baselineUrl: null, replayFixtures: { password: null } })).json()) as ProjectSettings;
    expect(cleared.baselineUrl).toBeUndefined();
    expect(cleared.replayFixtures).toEqual({});
    expect(cleared.selectionBudget).toBe(25);
  });

  it('refuses invalid settings with a message naming the field', async () => {
    const response = await admin('PATCH', '/api/projects/default/settings', { retentionDays: -1, ignore: { requestPaths: ['ads'] } });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('INVALID_SETTINGS');
    expect(error.message).toMatch(/retentionDays/);
    expect(error.message).toMatch(/starts with "\/"/);
  });

  it('creates a token shown once, lists it without the secret, and revokes it', async () => {
    const created = (await (await admin('POST', '/api/projects/default/tokens', { name: 'ci' })).json()) as CreatedApiToken;
    expect(created.token.length).toBeGreaterThan(20);
    const use = () => fetch(`${server.url}/api/sessions?project=default`, { headers: { authorization: `Bearer ${created.token}` } });
    expect((await use()).status).toBe(200);
    const settings = (await (await admin('GET', '/api/projects/default/settings')).json()) as ProjectSettings;
    expect(settings.tokens).toEqual([{ id: created.id, name: 'ci', createdAt: created.createdAt }]);
    expect(JSON.stringify(settings)).not.toContain(created.token);

    // A project-scoped token may not reach settings.
    const scoped = await fetch(`${server.url}/api/projects/default/settings`, { headers: { authorization: `Bearer ${created.token}` } });
    expect(scoped.status).toBe(403);

    expect((await admin('DELETE', `/api/projects/default/tokens/${created.id}`)).status).toBe(200);
    expect((await use()).status).toBe(401);
    expect((await admin('DELETE', `/api/projects/default/tokens/${created.id}`)).status).toBe(404);
  });

  it('rotates the webhook secret', async () => {
    const first = (await (await admin('POST', '/api/projects/default/webhook-secret')).json()).webhookSecret as string;
    const second = (await (await admin('POST', '/api/projects/default/webhook-secret')).json()).webhookSecret as string;
    expect(first).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(second).not.toBe(first);
    expect((await server.store.getProject('default'))?.webhookSecret).toBe(second);
  });

  it('requires the CSRF token for cookie-authenticated settings writes', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = await login.json();
    const patch = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/projects/default/settings`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ retentionDays: 7 }) });
    expect((await patch({})).status).toBe(403);
    expect((await patch({ 'x-csrf-token': csrfToken })).status).toBe(200);
  });

  it('answers 404 for an unknown project', async () => {
    const response = await admin('GET', '/api/projects/nope/settings');
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/No project "nope"/);
  });

  it('serves the prior model before any label, and the stored one after', async () => {
    const prior = (await (await admin('GET', '/api/model?project=default')).json()) as ModelView;
    expect(prior.trainedOn).toBe(0);
    expect(prior.weights['kind:page-error']).toBeGreaterThan(0);
    await server.store.putModelState('default', { version: 1, bias: -1, weights: { severity: 2 }, trainedOn: 3, calibration: { bins: [], brierScore: 0.1 } });
    const stored = (await (await admin('GET', '/api/model?project=default')).json()) as ModelView;
    expect(stored).toEqual({ weights: { severity: 2 }, bias: -1, trainedOn: 3, calibration: { bins: [], brierScore: 0.1 }, evaluationHistory: [] });
  });
});
