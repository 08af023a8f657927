import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBatch } from '../helpers/batches.js';
import { ADMIN_PASSWORD, ADMIN_TOKEN, INGEST_KEY, startTestServer, type TestServer } from '../helpers/testServer.js';

describe('server/http | login, cookies and CSRF', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const login = (password: string) =>
    fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });

  it('answers a malformed JSON body with 400 MALFORMED_JSON, without a stack trace', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a wrong password with 401', async () => {
    const response = await login('wrong');
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('INVALID_CREDENTIALS');
  });

  it('signs in with an httpOnly cookie and requires the CSRF token on writes', async () => {
    const response = await login(ADMIN_PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0];
    const { csrfToken } = await response.json();

    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json();
    expect(me).toMatchObject({ principal: { kind: 'user', username: 'admin' }, csrfToken });
    expect(me.projects.map((project: { id: string }) => project.id)).toEqual(['default', 'project-b']);

    const withoutCsrf = await fetch(`${server.url}/api/sessions?project=default&user=u1`, { method: 'DELETE', headers: { cookie } });
    expect(withoutCsrf.status).toBe(403);
    expect((await withoutCsrf.json()).error.message).toMatch(/x-csrf-token/);
    const withCsrf = await fetch(`${server.url}/api/sessions?project=default&user=u1`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(withCsrf.status).toBe(200);

    await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('does not require CSRF for Bearer-token writes', async () => {
    const response = await fetch(`${server.url}/api/sessions?project=default&user=u2`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
  });

  it('pushes session:ingested to sockets that joined the project, and refuses other projects', async () => {
    const socket = connect(server.url, { auth: { token: server.projectB.token }, transports: ['websocket'] });
    try {
      const refused = await socket.timeout(5000).emitWithAck('join', 'default');
      expect(refused.ok).toBe(false);
      const admin = connect(server.url, { auth: { token: ADMIN_TOKEN }, transports: ['websocket'] });
      try {
        expect(await admin.timeout(5000).emitWithAck('join', 'default')).toEqual({ ok: true });
        const received = new Promise((resolve) => admin.once('session:ingested', resolve));
        await fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': INGEST_KEY }, body: JSON.stringify(firstBatch('socket-sess-1')) });
        expect(await received).toMatchObject({ id: 'socket-sess-1', projectId: 'default' });
      } finally {
        admin.close();
      }
    } finally {
      socket.close();
    }
  });
});
