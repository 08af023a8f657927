import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoStore, SqliteStore, StoreError, type Store, type StoredRun } from '../../store/index.js';
import { batch, custom, firstBatch } from '../helpers/batches.js';

const P = 'proj-a';

function run(id: string, createdAt: number): StoredRun {
  return {
    id, projectId: P, status: 'queued', trigger: 'api', createdAt,
    baseline: { url: 'http://127.0.0.1:1' }, candidate: { url: 'http://127.0.0.1:2' },
    progress: { total: 0, done: 0 }, counts: { replayed: 0, diverged: 0, errors: 0, tickets: 0 },
  };
}

/** The contract every Store implementation must pass. */
function defineStoreContract(label: string, open: () => Promise<Store>, cleanup: () => Promise<void>): void {
  describe(`server/store | ${label} contract`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
      await cleanup();
    });

    it('appends idempotently: a retried (session, seq) is not stored twice', async () => {
      const first = await store.appendBatch(P, firstBatch('sess-idem-1'));
      const retry = await store.appendBatch(P, firstBatch('sess-idem-1'));
      expect(first.stored).toBe(true);
      expect(retry.stored).toBe(false);
      expect(retry.session.batches).toBe(1);
      expect(await store.readEvents(P, 'sess-idem-1')).toHaveLength(3);
    });

    it('detects gaps below the highest seq and fills them when late batches arrive', async () => {
      await store.appendBatch(P, firstBatch('sess-gaps-1'));
      const afterGap = await store.appendBatch(P, batch('sess-gaps-1', 3, [custom('reprise.track', { name: 'x' }, 1_700_000_000_100)]));
      expect(afterGap.session.missingSeqs).toEqual([1, 2]);
      const filled = await store.appendBatch(P, batch('sess-gaps-1', 2, [custom('reprise.track', { name: 'y' }, 1_700_000_000_050)]));
      expect(filled.session.missingSeqs).toEqual([1]);
      expect(filled.session.batches).toBe(3);
    });

    it('derives session metadata from the events', async () => {
      const start = 1_700_000_100_000;
      await store.appendBatch(P, firstBatch('sess-meta-1', { userId: 'user-7', start }));
      const { session } = await store.appendBatch(P, batch('sess-meta-1', 1, [
        custom('reprise.route', { kind: 'pushState', url: 'https://shop.example/cart' }, start + 10),
        custom('reprise.action', { type: 'click', target: {} }, start + 11),
        custom('reprise.action', { type: 'input', target: {}, value: 'a' }, start + 12),
        { type: 3, data: { source: 2, type: 2, id: 5, x: 1, y: 1 }, timestamp: start + 11 },
        custom('reprise.error', { kind: 'error', message: 'boom' }, start + 13),
        custom('reprise.console', { level: 'error', message: 'bad' }, start + 14),
        custom('reprise.network', { initiator: 'fetch', method: 'GET', url: '/api/x', status: 500, startedAt: 0, durationMs: 1 }, start + 15),
        custom('reprise.network', { initiator: 'fetch', method: 'GET', url: '/api/y', status: 200, startedAt: 0, durationMs: 1 }, start + 16),
      ]));
      expect(session).toMatchObject({
        startedAt: start, endedAt: start + 16, durationMs: 16, userId: 'user-7', accountId: 'acct-1', browser: 'Chrome 156',
        appVersion: '1.2.3', flags: { newCheckout: true }, pages: ['/product/42?color=red', '/cart'], routes: ['/product/:id', '/cart'],
        counts: { events: 12, clicks: 1, inputs: 1, errors: 2, failedRequests: 1 }, batches: 2, missingSeqs: [],
      });
      expect(await store.getSession(P, 'sess-meta-1')).toEqual(session);
    });

    it('lists sessions with filters and cursor pagination, newest first', async () => {
      for (let index = 0; index < 5; index++) {
        await store.appendBatch('proj-list', firstBatch(`sess-list-${index}`, {
          start: 1_800_000_000_000 + index * 1000, userId: index % 2 ? 'odd-user' : 'even-user',
          href: index === 4 ? 'https://shop.example/checkout' : 'https://shop.example/home', appVersion: index < 2 ? '1.0' : '2.0',
        }));
      }
      await store.appendBatch('proj-list', batch('sess-list-1', 1, [custom('reprise.error', { kind: 'error', message: 'x' }, 1_800_000_001_500)]));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listSessions('proj-list', {}, 2, cursor);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['sess-list-4', 'sess-list-3', 'sess-list-2', 'sess-list-1', 'sess-list-0']);
      const ids = async (filter: Parameters<Store['listSessions']>[1]) => (await store.listSessions('proj-list', filter, 10)).items.map((item) => item.id);
      expect(await ids({ userId: 'odd-user' })).toEqual(['sess-list-3', 'sess-list-1']);
      expect(await ids({ url: 'checkout' })).toEqual(['sess-list-4']);
      expect(await ids({ hasErrors: true })).toEqual(['sess-list-1']);
      expect(await ids({ appVersion: '1.0' })).toEqual(['sess-list-1', 'sess-list-0']);
      expect(await ids({ from: 1_800_000_003_000 })).toEqual(['sess-list-4', 'sess-list-3']);
      expect(await ids({ to: 1_800_000_000_500 })).toEqual(['sess-list-0']);
      expect(await ids({ q: 'EVEN-USER' })).toEqual(['sess-list-4', 'sess-list-2', 'sess-list-0']);
      expect(await ids({ hasFailedRequests: true })).toEqual([]);
      await expect(store.listSessions('proj-list', {}, 2, 'not-a-cursor')).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    });

    it('reads events in seq order across batches, whatever the arrival order', async () => {
      await store.appendBatch(P, batch('sess-order-1', 1, [custom('reprise.track', { name: 'second' }, 2)]));
      await store.appendBatch(P, batch('sess-order-1', 0, [custom('reprise.track', { name: 'first' }, 1)]));
      const events = await store.readEvents(P, 'sess-order-1');
      expect(events.map((event) => event.data.payload.name)).toEqual(['first', 'second']);
    });

    it('reads back a chunk stored as the recorder\'s gzip envelope, beside chunks stored as events arrays', async () => {
      const first = firstBatch('sess-envelope-1');
      const second = batch('sess-envelope-1', 1, [custom('reprise.track', { name: 'nested', events: [{ type: 9 }] }, 1_700_000_000_005)]);
      const third = batch('sess-envelope-1', 2, [custom('reprise.track', { name: 'last' }, 1_700_000_000_006)]);
      // The recorder's body: the events text last, after the other members (recorder/outbox.ts batchBody).
      const envelope = `\ufeff{"formatVersion":${second.formatVersion},"sessionId":"${second.sessionId}","seq":1,"checksum":"${second.checksum}","sentAt":${second.sentAt},"events":${JSON.stringify(second.events)}}`;
      await store.appendBatch(P, first);
      expect((await store.appendBatch(P, second, { envelopeGzip: gzipSync(envelope) })).stored).toBe(true);
      await store.appendBatch(P, third, { eventsJson: JSON.stringify(third.events) });
      expect(await store.readEvents(P, 'sess-envelope-1')).toEqual([...first.events, ...second.events, ...third.events]);
      expect((await store.getSession(P, 'sess-envelope-1'))?.counts.events).toBe(first.events.length + 2);
    });

    it('refuses a batch written in a newer recording format with an upgrade message', async () => {
      const attempt = store.appendBatch(P, firstBatch('sess-future-1') && batch('sess-future-1', 0, [custom('reprise.track', { name: 'x' }, 1)], 99));
      await expect(attempt).rejects.toBeInstanceOf(StoreError);
      await expect(attempt).rejects.toThrow(/format version 99.*Upgrade the Reprise server/);
      expect(await store.getSession(P, 'sess-future-1')).toBeUndefined();
    });

    it('creates, updates, lists and pages runs', async () => {
      await store.createRun(run('run-1', 100));
      await store.createRun(run('run-2', 200));
      await store.createRun(run('run-3', 300));
      const updated = await store.updateRun(P, 'run-2', { status: 'running', progress: { total: 4, done: 1 } });
      expect(updated).toMatchObject({ id: 'run-2', status: 'running', progress: { total: 4, done: 1 }, createdAt: 200 });
      expect(await store.getRun(P, 'run-2')).toEqual(updated);
      const first = await store.listRuns(P, 2);
      expect(first.items.map((item) => item.id)).toEqual(['run-3', 'run-2']);
      const second = await store.listRuns(P, 2, first.nextCursor);
      expect(second.items.map((item) => item.id)).toEqual(['run-1']);
      expect(second.nextCursor).toBeUndefined();
      await expect(store.updateRun(P, 'run-missing', { status: 'failed' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('overwrites a session result on retry instead of duplicating it', async () => {
      const verdict = { sessionId: 'sess-r', status: 'pass', divergences: [] } as never;
      await store.putSessionResult(P, { runId: 'run-1', sessionId: 'sess-r', verdict, selectionReason: 'first' });
      await store.putSessionResult(P, { runId: 'run-1', sessionId: 'sess-r', verdict, selectionReason: 'retry' });
      const results = await store.listSessionResults(P, 'run-1');
      expect(results).toHaveLength(1);
      expect(results[0].selectionReason).toBe('retry');
      expect((await store.getSessionResult(P, 'run-1', 'sess-r'))?.selectionReason).toBe('retry');
    });

    it('stores labels and model state per project', async () => {
      await store.addLabel({ id: 'l1', projectId: P, runId: 'run-1', sessionId: 's', decision: 'ticket', features: { a: 1 }, createdAt: 1 });
      await store.addLabel({ id: 'l2', projectId: 'proj-other', runId: 'run-1', sessionId: 's', decision: 'noise', createdAt: 2 });
      expect((await store.listLabels(P)).map((label) => label.id)).toEqual(['l1']);
      expect(await store.getModelState(P)).toBeUndefined();
      await store.putModelState(P, { weights: [1, 2] });
      await store.putModelState(P, { weights: [3] });
      expect(await store.getModelState(P)).toEqual({ weights: [3] });
    });

    it('round-trips blobs and refuses unsafe keys', async () => {
      const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
      await store.putBlob(P, 'shot-1.png', bytes, 'image/png');
      expect(await store.getBlob(P, 'shot-1.png')).toEqual({ bytes, contentType: 'image/png' });
      expect(await store.getBlob('proj-other', 'shot-1.png')).toBeUndefined();
      await expect(store.putBlob(P, '../escape', bytes, 'image/png')).rejects.toMatchObject({ code: 'INVALID_BLOB_KEY' });
    });

    it('deletes sessions by user and by age, with their events and tied blobs', async () => {
      await store.appendBatch('proj-del', firstBatch('sess-del-user', { userId: 'forget-me', start: 5_000 }));
      await store.appendBatch('proj-del', firstBatch('sess-del-old', { userId: 'keep', start: 1_000 }));
      await store.appendBatch('proj-del', firstBatch('sess-del-new', { userId: 'keep', start: 9_000 }));
      await store.putBlob('proj-del', 'user-shot.png', new Uint8Array([1]), 'image/png', { sessionId: 'sess-del-user' });
      await store.putBlob('proj-del', 'run-shot.png', new Uint8Array([2]), 'image/png');
      expect(await store.deleteSessions('proj-del', { userId: 'forget-me' })).toBe(1);
      expect(await store.getSession('proj-del', 'sess-del-user')).toBeUndefined();
      expect(await store.readEvents('proj-del', 'sess-del-user')).toEqual([]);
      expect(await store.getBlob('proj-del', 'user-shot.png')).toBeUndefined();
      expect(await store.getBlob('proj-del', 'run-shot.png')).toBeDefined();
      expect(await store.deleteSessions('proj-del', { olderThan: 5_000 })).toBe(1);
      expect((await store.listSessions('proj-del', {}, 10)).items.map((item) => item.id)).toEqual(['sess-del-new']);
      await expect(store.deleteSessions('proj-del', {})).rejects.toMatchObject({ code: 'DELETE_FILTER_REQUIRED' });
    });

    it('keeps projects, tokens, users and login sessions', async () => {
      await store.upsertProject({ id: 'p1', name: 'One', ingestKey: 'key-1', allowedOrigins: ['*'], retentionDays: 30, createdAt: 1 });
      expect((await store.getProjectByIngestKey('key-1'))?.id).toBe('p1');
      expect((await store.listProjects()).map((project) => project.id)).toContain('p1');
      await store.putApiToken({ tokenHash: 'abc', projectId: 'p1', name: 't', createdAt: 1 });
      expect((await store.getApiToken('abc'))?.projectId).toBe('p1');
      await store.putUser({ username: 'ada', passwordHash: 'h', createdAt: 1 });
      expect(await store.countUsers()).toBe(1);
      await store.putAuthSession({ id: 'live', username: 'ada', csrfToken: 'c', createdAt: 1, expiresAt: Date.now() + 60_000 });
      await store.putAuthSession({ id: 'expired', username: 'ada', csrfToken: 'c', createdAt: 1, expiresAt: Date.now() - 1 });
      expect((await store.getAuthSession('live'))?.username).toBe('ada');
      expect(await store.getAuthSession('expired')).toBeUndefined();
      await store.deleteAuthSession('live');
      expect(await store.getAuthSession('live')).toBeUndefined();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-store-'));
defineStoreContract('sqlite', () => SqliteStore.open(sqliteDir), async () => fs.rmSync(sqliteDir, { recursive: true, force: true }));

const mongoUrl = process.env.REPRISE_MONGO_URL;
if (!mongoUrl) {
  console.warn(
    '[storeContract] MongoDB contract run NOT executed: REPRISE_MONGO_URL is unset. To run it: docker compose up mongo; ' +
      'REPRISE_MONGO_URL=mongodb://localhost:27017/reprise-test npm test',
  );
}
describe.skipIf(!mongoUrl)('server/store | mongo contract (needs REPRISE_MONGO_URL)', () => {
  defineStoreContract('mongo', () => MongoStore.open(mongoUrl!), async () => {
    const store = await MongoStore.open(mongoUrl!);
    await (store as unknown as { db: { dropDatabase(): Promise<unknown> } }).db.dropDatabase();
    await store.close();
  });
});
