// Redis goes away mid-run and comes back on the same port: the server stays up, /readyz says Redis is
// unreachable meanwhile, and the run finishes with one result per session once Redis returns. Redis keeps its
// data in an append-only file (fsync on every write) so the queued jobs survive the outage, as in production.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_RRWEB_LOGIN_PAGE as PAGE } from '../../replayer/test/fixtures/plainRrwebLoginPage.js';
import type { RecordedEvent } from '../../protocol/index.js';
import { importRrwebEvents } from '../../server/http/importRrwebEvents.js';
import { startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';

const SESSIONS = 3;
const RUN_TIMEOUT_MS = 180_000;
const OUTAGE_MS = 4_000;

describe('e2e/reliability | Redis outage during a run', () => {
  const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-redis-aof-'));
  let redisPort: number;
  let redis: ChildProcess;
  let app: http.Server;
  let origin: string;
  let server: ReliabilityServer;
  const readyz = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort, redisDir);
    app = http.createServer((_request, response) => response.setHeader('content-type', 'text/html').end(PAGE));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    server = await startReliabilityServer({ redisUrl: `redis://127.0.0.1:${redisPort}` }, { REPRISE_ALLOWED_ORIGINS: origin });
    const events = JSON.parse(fs.readFileSync(new URL('../../replayer/test/fixtures/plainRrwebLogin.json', import.meta.url), 'utf8')) as RecordedEvent[];
    for (let index = 0; index < SESSIONS; index++) await importRrwebEvents(server.store, 'default', events, `redis-outage-${index}`);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    if (redis) await stopRedis(redis);
    await new Promise((resolve) => app?.close(resolve));
    fs.rmSync(redisDir, { recursive: true, force: true });
  });

  it('stays up, reports Redis down in /readyz, and finishes the run after Redis returns', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { ok: true, store: 'sqlite', redis: 'up' } });
    const project = (await server.store.getProject('default'))!;
    const run = await server.runs.startRun(project, { baseline: origin, candidate: origin, sessions: 'all' });
    expect(server.runs.backend).toBe('bullmq');
    await waitFor(async () => ((await server.store.getRun('default', run.id))?.progress.done ?? 0) >= 1, 'the first session result');

    await stopRedis(redis, 'SIGKILL');
    // The outage really falls inside the run: sessions were still to be replayed when Redis died.
    expect((await server.store.listSessionResults('default', run.id)).length).toBeLessThan(SESSIONS);
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, redis: 'down', error: { code: 'REDIS_UNREACHABLE', message: expect.stringMatching(/Start Redis or fix REPRISE_REDIS_URL/) } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Ingest and the API do not need Redis: they keep answering during the outage.
    expect((await fetch(`${server.url}/api/runs/${run.id}?project=default`, { headers: { authorization: `Bearer ${server.projectA.token}` } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    redis = await startRedis(redisPort, redisDir);
    await waitFor(async () => (await readyz()).status === 200, '/readyz to recover');
    await waitFor(async () => {
      const status = (await server.store.getRun('default', run.id))?.status;
      return status !== 'queued' && status !== 'running';
    }, 'the run to finish');
    const finished = (await server.store.getRun('default', run.id))!;
    expect(finished.status).toBe('completed');
    expect(finished.progress).toEqual({ total: SESSIONS, done: SESSIONS });
    const results = await server.store.listSessionResults('default', run.id);
    expect(results.map((result) => result.sessionId).sort()).toEqual(Array.from({ length: SESSIONS }, (_, index) => `redis-outage-${index}`));
    expect(finished.report?.sessions).toHaveLength(SESSIONS);
  }, RUN_TIMEOUT_MS + 60_000);
});

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${RUN_TIMEOUT_MS} ms for ${what}; it did not happen.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('error', (error) => reject(new Error(`Cannot start redis-server (${error.message}); install it with apt-get install redis-server.`)));
    child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited (code ${code}) before it was ready: ${output.slice(-800)}`)));
  });
}

function stopRedis(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
