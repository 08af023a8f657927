import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '../../../protocol/index.js';
import { batch, custom, firstBatch } from '../helpers/batches.js';
import { INGEST_KEY, startTestServer, type TestServer } from '../helpers/testServer.js';

describe('server/http | POST /api/ingest', () => {
  let server: TestServer;
  const post = (body: string | Buffer, headers: Record<string, string> = {}, query = '') =>
    fetch(`${server.url}/api/ingest${query}`, { method: 'POST', body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]), headers: { 'content-type': 'application/json', 'x-reprise-key': INGEST_KEY, ...headers } });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('acknowledges a valid batch only once it is stored', async () => {
    const response = await post(JSON.stringify(firstBatch('ingest-valid-1')));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, sessionId: 'ingest-valid-1', seq: 0, stored: true });
    expect((await server.store.getSession('default', 'ingest-valid-1'))?.counts.events).toBe(3);
  });

  it('accepts a gzip-compressed body, detected by its magic bytes', async () => {
    const response = await post(gzipSync(JSON.stringify(firstBatch('ingest-gzip-1'))), { 'content-type': 'application/octet-stream' });
    expect(response.status).toBe(200);
    expect(await server.store.readEvents('default', 'ingest-gzip-1')).toHaveLength(3);
  });

  it('accepts the beacon form: text/plain body and the key in ?key=', async () => {
    const response = await fetch(`${server.url}/api/ingest?key=${INGEST_KEY}`, {
      method: 'POST', body: JSON.stringify(firstBatch('ingest-beacon-1')), headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(response.status).toBe(200);
    expect(await server.store.getSession('default', 'ingest-beacon-1')).toBeDefined();
  });

  it('treats a retried batch as idempotent', async () => {
    const body = JSON.stringify(firstBatch('ingest-retry-1'));
    expect((await (await post(body)).json()).stored).toBe(true);
    expect((await (await post(body)).json()).stored).toBe(false);
    expect((await server.store.getSession('default', 'ingest-retry-1'))?.batches).toBe(1);
  });

  it('answers malformed JSON with 400 naming the problem', async () => {
    const response = await post('{"sessionId": ');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('answers a wrongly typed field with 400 naming the field', async () => {
    const response = await post(JSON.stringify({ ...firstBatch('ingest-type-1'), seq: 'zero' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('INVALID_BATCH');
    expect(body.error.message).toMatch(/seq:/);
  });

  it('refuses a body larger than MAX_BATCH_BYTES after decompression with 413', async () => {
    const big = batch('ingest-big-1', 0, [custom('reprise.track', { name: 'x'.repeat(MAX_BATCH_BYTES) }, 1)]);
    const response = await post(gzipSync(JSON.stringify(big)));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('BATCH_TOO_LARGE');
    expect(await server.store.getSession('default', 'ingest-big-1')).toBeUndefined();
  });

  it('refuses an unknown or missing ingest key with 401', async () => {
    expect((await post(JSON.stringify(firstBatch('ingest-key-1')), { 'x-reprise-key': 'nope' })).status).toBe(401);
    const missing = await fetch(`${server.url}/api/ingest`, { method: 'POST', body: JSON.stringify(firstBatch('ingest-key-1')) });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/x-reprise-key/);
  });

  it('echoes an allowed Origin and refuses a disallowed one with 403', async () => {
    const allowed = await post(JSON.stringify(firstBatch('ingest-origin-1')), { origin: 'https://shop.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const refused = await post(JSON.stringify(firstBatch('ingest-origin-2')), { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/allowed origins/);
    const preflight = await fetch(`${server.url}/api/ingest`, {
      method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-reprise-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-reprise-key/);
  });

  it('refuses a checksum mismatch with 422 and stores nothing of the batch', async () => {
    const response = await post(JSON.stringify({ ...firstBatch('ingest-sum-1'), checksum: '00000000' }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('CHECKSUM_MISMATCH');
    expect(await server.store.getSession('default', 'ingest-sum-1')).toBeUndefined();
    expect(await server.store.readEvents('default', 'ingest-sum-1')).toEqual([]);
  });

  it('refuses a newer recording format with 422 asking to upgrade', async () => {
    const response = await post(JSON.stringify(batch('ingest-future-1', 0, [custom('reprise.track', { name: 'x' }, 1)], 2)));
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/Upgrade the Reprise server/);
  });

  it('stores every batch of a session posted concurrently', async () => {
    const bodies = Array.from({ length: 8 }, (_, seq) => JSON.stringify(batch('ingest-many-1', seq, [custom('reprise.track', { name: `n${seq}` }, seq)])));
    const responses = await Promise.all(bodies.map((body) => post(body)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    const session = await server.store.getSession('default', 'ingest-many-1');
    expect(session).toMatchObject({ batches: 8, missingSeqs: [], counts: { events: 8 } });
  });
});

describe('server/http | ingest rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ingestRatePerSecond: 0.01, ingestBurst: 2 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 429 with Retry-After once the burst is spent', async () => {
    const send = (seq: number) =>
      fetch(`${server.url}/api/ingest`, {
        method: 'POST', headers: { 'x-reprise-key': INGEST_KEY }, body: JSON.stringify(batch('rate-limit-1', seq, [custom('reprise.track', { name: 'x' }, seq)])),
      });
    expect((await send(0)).status).toBe(200);
    expect((await send(1)).status).toBe(200);
    const limited = await send(2);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
  });
});
