import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, custom, firstBatch } from '../helpers/batches.js';
import { adminHeaders, startTestServer, type TestServer } from '../helpers/testServer.js';

describe('server/http | query API', () => {
  let server: TestServer;
  const get = (path: string, headers = adminHeaders()) => fetch(`${server.url}${path}`, { headers });

  beforeAll(async () => {
    server = await startTestServer();
    for (let index = 0; index < 3; index++) {
      await server.store.appendBatch('default', firstBatch(`query-sess-${index}`, { start: 1_000_000 + index * 1000, userId: index === 2 ? 'alice' : 'bob' }));
    }
    await server.store.appendBatch('default', batch('query-sess-1', 1, [custom('reprise.error', { kind: 'error', message: 'x' }, 1_001_500)]));
    await server.store.putBlob('default', 'shot-a.png', new Uint8Array([1, 2, 3]), 'image/png');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists sessions newest first with cursor pagination', async () => {
    const first = await (await get('/api/sessions?limit=2')).json();
    expect(first.items.map((item: { id: string }) => item.id)).toEqual(['query-sess-2', 'query-sess-1']);
    const second = await (await get(`/api/sessions?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual(['query-sess-0']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('filters by user, errors and time, and names a bad parameter', async () => {
    const ids = async (query: string) => (await (await get(`/api/sessions?${query}`)).json()).items.map((item: { id: string }) => item.id);
    expect(await ids('user=alice')).toEqual(['query-sess-2']);
    expect(await ids('hasErrors=true')).toEqual(['query-sess-1']);
    expect(await ids('from=1001500&to=1001600')).toEqual(['query-sess-1']);
    const bad = await get('/api/sessions?limit=abc');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/limit:/);
  });

  it('returns one session, its events in order, and a clear 404', async () => {
    expect((await (await get('/api/sessions/query-sess-1')).json()).batches).toBe(2);
    const events = await (await get('/api/sessions/query-sess-1/events')).json();
    expect(events).toHaveLength(5);
    expect(events[0].type).toBe(4);
    expect(events[4].data.tag).toBe('reprise.error');
    const missing = await get('/api/sessions/nope-nope-1');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('SESSION_NOT_FOUND');
  });

  it('keeps projects apart: a project B token cannot reach project A', async () => {
    const asB = (path: string, project: string) => get(path, { authorization: `Bearer ${server.projectB.token}`, 'x-reprise-project': project });
    expect((await asB('/api/sessions', 'default')).status).toBe(403);
    expect((await asB('/api/blobs/shot-a.png', 'default')).status).toBe(403);
    expect((await asB('/api/blobs/shot-a.png', 'project-b')).status).toBe(404);
    expect((await (await asB('/api/sessions', 'project-b')).json()).items).toEqual([]);
    const projects = await (await fetch(`${server.url}/api/projects`, { headers: { authorization: `Bearer ${server.projectB.token}` } })).json();
    expect(projects.map((project: { id: string }) => project.id)).toEqual(['project-b']);
  });

  it('serves blobs with their content type and accepts the ingest key as project name', async () => {
    const response = await get('/api/blobs/shot-a.png?project=ingest-key-default-0001', { authorization: adminHeaders().authorization });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('imports an rrweb event array as a session in batches of 500', async () => {
    const events = Array.from({ length: 1200 }, (_, index) => ({ type: 3, data: { source: 1, positions: [] }, timestamp: 5_000 + index }));
    const response = await fetch(`${server.url}/api/import`, {
      method: 'POST', headers: { ...adminHeaders(), 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: 'imported-fixture-1', events }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'imported-fixture-1', batches: 3, counts: { events: 1200 } });
    expect(await server.store.readEvents('default', 'imported-fixture-1')).toHaveLength(1200);
  });

  it('deletes the sessions of a user on a privacy request', async () => {
    const response = await fetch(`${server.url}/api/sessions?user=bob`, { method: 'DELETE', headers: adminHeaders() });
    expect(await response.json()).toEqual({ deleted: 2 });
    expect((await get('/api/sessions/query-sess-0')).status).toBe(404);
  });

  it('answers unknown API routes, missing auth and health checks in JSON', async () => {
    const unknown = await get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: expect.stringContaining('GET /api/nothing-here') });
    const anonymous = await fetch(`${server.url}/api/sessions?project=default`);
    expect(anonymous.status).toBe(401);
    const withIngestKey = await get('/api/sessions', { authorization: 'Bearer ingest-key-default-0001', 'x-reprise-project': 'default' });
    expect(withIngestKey.status).toBe(401);
    expect((await withIngestKey.json()).error.code).toBe('INGEST_KEY_NOT_ALLOWED');
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('says to run the build when recorder.js or the dashboard is missing', async () => {
    const recorder = await fetch(`${server.url}/recorder.js`);
    expect(recorder.status).toBe(503);
    expect(await recorder.text()).toMatch(/npm run build/);
    const page = await fetch(`${server.url}/runs/123`);
    expect(await page.text()).toMatch(/npm run build/);
  });
});
