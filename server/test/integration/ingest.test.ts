import Database from 'better-sqlite3';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fnv1a, MAX_BATCH_BYTES } from '../../../protocol/index.js';
import { MAX_JSON_DEPTH } from '../../http/jsonDepth.js';
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

  it('stores a gzip body from the recorder as sent, and reads its events back identical', async () => {
    const sent = batch('ingest-envelope-1', 0, [...firstBatch('ingest-envelope-1').events, custom('reprise.track', { name: 'q"uo\\te', events: [{ type: 2 }] }, 1_700_000_000_009)]);
    // recorder/outbox.ts batchBody: the events text, the one the checksum covers, comes last.
    const body = gzipSync(`{"formatVersion":${sent.formatVersion},"sessionId":"${sent.sessionId}","seq":0,"checksum":"${sent.checksum}","sentAt":${sent.sentAt},"events":${JSON.stringify(sent.events)}}`);
    expect((await post(body)).status).toBe(200);
    expect(await server.store.readEvents('default', 'ingest-envelope-1')).toEqual(sent.events);
    const db = new Database(path.join(server.config.dataDir, 'reprise.db'), { readonly: true });
    try {
      const row = db.prepare('SELECT events_gzip FROM chunks WHERE session_id = ?').get('ingest-envelope-1') as { events_gzip: Buffer };
      expect(Buffer.compare(row.events_gzip, body)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('finds the events of other clients\' bodies: events first, nested "events" keys, pretty-printed', async () => {
    const sent = batch('ingest-order-1', 0, [custom('reprise.track', { events: [1, { events: '"events":[]' }] }, 1_700_000_000_000)]);
    const { events, ...rest } = sent;
    expect((await post(gzipSync(JSON.stringify({ events, ...rest })))).status).toBe(200);
    expect(await server.store.readEvents('default', 'ingest-order-1')).toEqual(events);
    const pretty = batch('ingest-pretty-1', 0, sent.events);
    expect((await post(JSON.stringify(pretty, null, 2))).status).toBe(200);
    expect(await server.store.readEvents('default', 'ingest-pretty-1')).toEqual(events);
  });

  it('stores only validated members: a body with members the schema drops is not kept as sent', async () => {
    const sent = batch('ingest-padded-1', 0, firstBatch('ingest-padded-1').events);
    const body = gzipSync(JSON.stringify({ ...sent, padding: 'unvalidated '.repeat(100) }));
    expect((await post(body)).status).toBe(200);
    expect(await server.store.readEvents('default', 'ingest-padded-1')).toEqual(sent.events);
    const db = new Database(path.join(server.config.dataDir, 'reprise.db'), { readonly: true });
    try {
      const row = db.prepare('SELECT events_gzip FROM chunks WHERE session_id = ?').get('ingest-padded-1') as { events_gzip: Buffer };
      expect(gunzipSync(row.events_gzip).toString('utf8')).toBe(JSON.stringify(sent.events));
    } finally {
      db.close();
    }
  });

  it('refuses events with members the schema does not know, even when the checksum covers the text', async () => {
    const eventsJson = '[{"type":5,"data":{"tag":"reprise.track","payload":{}},"timestamp":1700000000000,"unvalidated":"<script>"}]';
    const body = `{"formatVersion":1,"sessionId":"ingest-extra-1","seq":0,"checksum":"${fnv1a(eventsJson)}","sentAt":1,"events":${eventsJson}}`;
    const response = await post(gzipSync(body));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('CHECKSUM_MISMATCH');
    expect(await server.store.getSession('default', 'ingest-extra-1')).toBeUndefined();
  });

  it('stores the events JSON.parse keeps when "events" is given twice, checked against their own checksum', async () => {
    const kept = batch('ingest-twice-1', 0, [custom('reprise.track', { name: 'kept' }, 1_700_000_000_000)]);
    const dropped = JSON.stringify([custom('reprise.track', { name: 'dropped' }, 1_700_000_000_000)]);
    const twice = (checksum: string) => `{"events":${dropped},"formatVersion":1,"sessionId":"ingest-twice-1","seq":0,"checksum":"${checksum}","sentAt":1,"events":${JSON.stringify(kept.events)}}`;
    expect((await post(gzipSync(twice(fnv1a(dropped))))).status).toBe(422);
    expect((await post(gzipSync(twice(kept.checksum)))).status).toBe(200);
    expect(await server.store.readEvents('default', 'ingest-twice-1')).toEqual(kept.events);
  });

  it('refuses a body nested deeper than any recording with 400', async () => {
    const deep = `{"formatVersion":1,"sessionId":"ingest-deep-1","seq":0,"checksum":"00000000","sentAt":1,"events":[{"type":5,"timestamp":1,"data":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}]}`;
    const response = await post(gzipSync(deep));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('NESTING_TOO_DEEP');
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
