// Operations: Prometheus metrics, readiness naming the store, and rate limits per project key and per API token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeRunUpdate } from '../../server/http/index.js';
import { startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';
import { makeBatch } from './simulatedRecorder.js';

describe('e2e/reliability | operations', () => {
  let server: ReliabilityServer;
  const ingest = (key: string, sessionId: string, seq: number) =>
    fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': key }, body: JSON.stringify(makeBatch(sessionId, seq)) });

  beforeAll(async () => {
    server = await startReliabilityServer({ ingestRatePerSecond: 0.2, ingestBurst: 3, apiRatePerSecond: 0.2, apiBurst: 3 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports the store in /readyz and serves Prometheus text at /metrics', async () => {
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ok: true, store: 'sqlite' });
    expect((await ingest(server.projectA.ingestKey, 'ops-metrics-01', 0)).status).toBe(200);
    observeRunUpdate({ id: 'ops-run-1', projectId: 'default', status: 'running', trigger: 'api', baseline: { url: 'https://a.example' }, candidate: { url: 'https://b.example' }, createdAt: 1, startedAt: 1, progress: { total: 3, done: 1 }, counts: { replayed: 1, diverged: 0, errors: 0, tickets: 0 } });
    const running = await (await fetch(`${server.url}/metrics`)).text();
    expect(running).toMatch(/^reprise_replay_queue_depth \d+$/m);
    observeRunUpdate({ id: 'ops-run-1', projectId: 'default', status: 'completed', trigger: 'api', baseline: { url: 'https://a.example' }, candidate: { url: 'https://b.example' }, createdAt: 1, startedAt: 1, finishedAt: 30_001, progress: { total: 3, done: 3 }, counts: { replayed: 3, diverged: 1, errors: 1, tickets: 2 } });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE reprise_ingest_duration_seconds histogram$/m);
    expect(text).toMatch(/^reprise_ingest_batches_total\{result="stored"\} [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_ingest_events_total [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_ingest_requests_total\{status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_ingest_duration_seconds_bucket\{status="2xx",le="\+Inf"\} [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_runs_finished_total\{status="completed"\} [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_run_duration_seconds_bucket\{status="completed",le="30"\} [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_session_replays_total\{outcome="diverged"\} [1-9]\d*$/m);
    expect(text).toMatch(/^reprise_predicted_tickets_total [2-9]\d*$/m);
    expect(text).toMatch(/^reprise_runs_active \d+$/m);
  });

  it('limits each project key on its own, answering 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let seq = 0; seq < 4; seq++) statuses.push((await ingest(server.projectB.ingestKey, 'ops-limit-b1', seq)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const limited = await ingest(server.projectB.ingestKey, 'ops-limit-b1', 3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    // Project A's bucket is its own: B's flood does not stop A (A used one batch above).
    expect((await ingest(server.projectA.ingestKey, 'ops-limit-a1', 0)).status).toBe(200);
    expect((await server.store.getSession('project-b', 'ops-limit-b1'))?.batches).toBe(3);
  });

  it('limits each API token on its own, answering 429 with Retry-After', async () => {
    const get = (token: string, project: string) => fetch(`${server.url}/api/sessions?project=${project}`, { headers: { authorization: `Bearer ${token}` } });
    for (let index = 0; index < 3; index++) expect((await get(server.projectB.token, 'project-b')).status).toBe(200);
    const limited = await get(server.projectB.token, 'project-b');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.message).toMatch(/Retry after \d+s/);
    expect((await get(server.projectA.token, 'default')).status).toBe(200);
  });
});
