// Access matrix: every API route against each credential (ingest key, the project's API token, a signed-in user,
// another project's token, none). A project's sessions, runs, results and blobs never reach another project.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, firstBatch } from '../../server/test/helpers/batches.js';
import { ADMIN_PASSWORD, startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';

type Credential = 'ingestKey' | 'tokenA' | 'user' | 'tokenB' | 'none';
const CREDENTIALS: Credential[] = ['ingestKey', 'tokenA', 'user', 'tokenB', 'none'];
const SESSION = 'access-session-a1';
const RUN = 'access-run-a1';
const BLOB = 'access-blob-a1.png';

interface RouteCheck {
  method: string;
  /** The route as declared, for the inventory check. */
  route: string;
  url: string;
  body?: unknown;
  expected: Record<Credential, number>;
}

/** A project-scoped route: the project's credentials reach it, the other project's token is refused. */
const scoped = (allowed: number) => ({ ingestKey: 401, tokenA: allowed, user: allowed, tokenB: 403, none: 401 });
const settings = (allowed: number) => ({ ingestKey: 401, tokenA: 403, user: allowed, tokenB: 403, none: 401 });
const anyPrincipal = { ingestKey: 401, tokenA: 200, user: 200, tokenB: 200, none: 401 };
const open = (status: number) => ({ ingestKey: status, tokenA: status, user: status, tokenB: status, none: status });
const p = '?project=default';

const MATRIX: RouteCheck[] = [
  { method: 'GET', route: '/api/sessions', url: `/api/sessions${p}`, expected: scoped(200) },
  { method: 'GET', route: '/api/sessions/:id', url: `/api/sessions/${SESSION}${p}`, expected: scoped(200) },
  { method: 'GET', route: '/api/sessions/:id/events', url: `/api/sessions/${SESSION}/events${p}`, expected: scoped(200) },
  { method: 'GET', route: '/api/sessions/:sessionId/export', url: `/api/sessions/${SESSION}/export${p}`, expected: scoped(200) },
  // Without ?user= the deletion is refused after the access check: nothing is deleted by the matrix.
  { method: 'DELETE', route: '/api/sessions', url: `/api/sessions${p}`, expected: scoped(400) },
  { method: 'GET', route: '/api/blobs/:key', url: `/api/blobs/${BLOB}${p}`, expected: scoped(200) },
  { method: 'POST', route: '/api/import', url: `/api/import${p}`, body: {}, expected: scoped(400) },
  { method: 'GET', route: '/api/runs', url: `/api/runs${p}`, expected: scoped(200) },
  { method: 'GET', route: '/api/runs/:runId', url: `/api/runs/${RUN}${p}`, expected: scoped(200) },
  { method: 'GET', route: '/api/runs/:runId/report', url: `/api/runs/${RUN}/report${p}`, expected: scoped(200) },
  { method: 'GET', route: '/api/runs/:runId/sessions/:sessionId', url: `/api/runs/${RUN}/sessions/${SESSION}${p}`, expected: scoped(200) },
  { method: 'POST', route: '/api/runs', url: `/api/runs${p}`, body: {}, expected: scoped(400) },
  { method: 'POST', route: '/api/triage', url: `/api/triage${p}`, body: {}, expected: scoped(400) },
  { method: 'GET', route: '/api/model', url: `/api/model${p}`, expected: scoped(200) },
  // An invalid body is refused after the access check: the matrix records no evaluation.
  { method: 'POST', route: '/api/model/evaluations', url: `/api/model/evaluations${p}`, body: {}, expected: scoped(400) },
  { method: 'GET', route: '/api/projects/:id/settings', url: '/api/projects/default/settings', expected: settings(200) },
  { method: 'PATCH', route: '/api/projects/:id/settings', url: '/api/projects/default/settings', body: { retentionDays: 'forever' }, expected: settings(400) },
  { method: 'POST', route: '/api/projects/:id/tokens', url: '/api/projects/default/tokens', body: {}, expected: settings(400) },
  { method: 'DELETE', route: '/api/projects/:id/tokens/:tokenId', url: '/api/projects/default/tokens/no-such-token', expected: settings(404) },
  { method: 'POST', route: '/api/projects/:id/webhook-secret', url: '/api/projects/default/webhook-secret', expected: settings(200) },
  { method: 'GET', route: '/api/auth/me', url: '/api/auth/me', expected: anyPrincipal },
  { method: 'GET', route: '/api/projects', url: '/api/projects', expected: anyPrincipal },
  { method: 'POST', route: '/api/auth/logout', url: '/api/auth/logout', expected: open(200) },
  { method: 'POST', route: '/api/auth/login', url: '/api/auth/login', body: { username: 'admin', password: 'not the password' }, expected: open(401) },
  { method: 'GET', route: '/healthz', url: '/healthz', expected: open(200) },
  { method: 'GET', route: '/readyz', url: '/readyz', expected: open(200) },
  { method: 'GET', route: '/metrics', url: '/metrics', expected: open(200) },
];
// Ingest and its preflight are checked on their own below: they take the key in x-reprise-key, not a principal.
// The recorder script is public on purpose: customers' pages load it.
const CHECKED_ELSEWHERE = ['POST /api/ingest', 'OPTIONS /api/ingest', 'GET /recorder.js'];

function declaredRoutes(): string[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = [
    ...fs.readdirSync(path.join(root, 'server/http')).filter((file) => file.endsWith('Routes.ts')).map((file) => path.join(root, 'server/http', file)),
    path.join(root, 'server/runs/runRoutes.ts'),
  ];
  return files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/\b(?:router|app)\.(get|post|put|patch|delete|options)\(\s*'(\/[^']*)'/g)].map(([, method, route]) => `${method!.toUpperCase()} ${route}`));
}

describe('e2e/reliability | access matrix', () => {
  let server: ReliabilityServer;
  let cookie = '';
  let csrfToken = '';

  const headersOf = (credential: Credential): Record<string, string> => {
    switch (credential) {
      case 'ingestKey': return { authorization: `Bearer ${server.projectA.ingestKey}`, 'x-reprise-key': server.projectA.ingestKey };
      case 'tokenA': return { authorization: `Bearer ${server.projectA.token}` };
      case 'user': return { cookie, 'x-csrf-token': csrfToken };
      case 'tokenB': return { authorization: `Bearer ${server.projectB.token}` };
      case 'none': return {};
    }
  };
  const call = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
    fetch(server.url + url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    server = await startReliabilityServer({ apiRatePerSecond: 1e6, apiBurst: 1e6 });
    await server.store.appendBatch('default', firstBatch(SESSION));
    await server.store.putBlob('default', BLOB, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png', { sessionId: SESSION });
    const target = { url: 'https://shop.example/' };
    await server.store.createRun({
      id: RUN, projectId: 'default', status: 'completed', trigger: 'api', baseline: target, candidate: target, createdAt: 1,
      progress: { total: 1, done: 1 }, counts: { replayed: 1, diverged: 0, errors: 0, tickets: 0 },
      report: { run: { id: RUN, baseline: target.url, candidate: target.url, durationMs: 1, status: 'completed', createdAt: 1 }, sessions: [], tickets: [] },
    });
    await server.store.putSessionResult('default', { runId: RUN, sessionId: SESSION, verdict: { sessionId: SESSION } as never });
    const login = await call('POST', '/api/auth/login', {}, { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    csrfToken = (await login.json()).csrfToken;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('covers every route declared in server/http/*Routes.ts and server/runs/runRoutes.ts', () => {
    const covered = new Set([...MATRIX.map((check) => `${check.method} ${check.route}`), ...CHECKED_ELSEWHERE]);
    expect(declaredRoutes().filter((route) => !covered.has(route))).toEqual([]);
  });

  it('answers each route with the expected status for each credential', async () => {
    const mismatches: string[] = [];
    for (const check of MATRIX) {
      for (const credential of CREDENTIALS) {
        // Logout would end the user's session for the rest of the matrix: it runs last, separately.
        if (check.route === '/api/auth/logout' && credential === 'user') continue;
        const response = await call(check.method, check.url, headersOf(credential), check.body);
        const body = await response.text();
        if (response.status !== check.expected[credential]) mismatches.push(`${check.method} ${check.url} as ${credential}: ${response.status} (expected ${check.expected[credential]}) ${body.slice(0, 160)}`);
        else if (response.status >= 400 && !JSON.parse(body).error?.message) mismatches.push(`${check.method} ${check.url} as ${credential}: error without message`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('never shows project A to project B: listings, and project A ids asked under project B', async () => {
    const projects = await (await call('GET', '/api/projects', headersOf('tokenB'))).json();
    expect(projects.map((project: { id: string }) => project.id)).toEqual(['project-b']);
    expect(JSON.stringify(projects)).not.toContain(server.projectA.ingestKey);
    const asB = '?project=project-b';
    for (const url of [`/api/sessions/${SESSION}`, `/api/sessions/${SESSION}/events`, `/api/blobs/${BLOB}`, `/api/runs/${RUN}`, `/api/runs/${RUN}/report`, `/api/runs/${RUN}/sessions/${SESSION}`, `/api/sessions/${SESSION}/export`]) {
      const response = await call('GET', url + asB, headersOf('tokenB'));
      expect(response.status, url).toBe(404);
    }
    const list = await (await call('GET', `/api/sessions${asB}`, headersOf('tokenB'))).json();
    expect(list.items).toEqual([]);
    // Naming project A by its ingest key instead of its id changes nothing.
    expect((await call('GET', `/api/sessions?project=${server.projectA.ingestKey}`, headersOf('tokenB'))).status).toBe(403);
  });

  it('lets the ingest key only ingest, and refuses cookie writes without the CSRF token', async () => {
    const ingest = (key?: string, body = firstBatch('access-ingest-1')) =>
      fetch(`${server.url}/api/ingest`, { method: 'POST', headers: key ? { 'x-reprise-key': key } : {}, body: JSON.stringify(body) });
    expect((await ingest(server.projectA.ingestKey)).status).toBe(200);
    expect((await ingest(server.projectA.token)).status).toBe(401);
    expect((await ingest()).status).toBe(401);
    // Project B's key writes into project B only, even when it reuses a session id of project A.
    expect((await ingest(server.projectB.ingestKey, batch(SESSION, 1, firstBatch(SESSION).events))).status).toBe(200);
    expect((await server.store.getSession('default', SESSION))?.batches).toBe(1);
    const preflight = await fetch(`${server.url}/api/ingest`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'x-reprise-key': server.projectA.ingestKey } });
    expect(preflight.status).toBe(403);
    const noCsrf = await call('POST', `/api/triage${p}`, { cookie }, {});
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await call('POST', '/api/auth/logout', headersOf('user'))).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });
});
