// Retention (per-project TTL, swept at start and on an interval) and privacy deletion, against real SQLite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { startServer } from '../../http/index.js';
import { DAY_MS, SqliteStore, sweepRetention, type Project } from '../../store/index.js';
import { firstBatch } from '../helpers/batches.js';
import { adminHeaders, INGEST_KEY, startTestServer } from '../helpers/testServer.js';

const NOW = Date.UTC(2026, 10, 1);
const blobPath = (dataDir: string, projectId: string, key: string) => path.join(dataDir, 'blobs', projectId, key);

function project(id: string, retentionDays: number): Project {
  return { id, name: id, ingestKey: `key-${id}`, allowedOrigins: ['*'], retentionDays, createdAt: 1 };
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('server/store | sweepRetention', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-retention-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('deletes sessions whose last event is older than the project TTL, with their blobs, and keeps the rest', async () => {
    const dataDir = tempDir();
    const store = await SqliteStore.open(dataDir);
    try {
      await store.upsertProject(project('week', 7));
      await store.upsertProject(project('forever', 0));
      for (const projectId of ['week', 'forever']) {
        await store.appendBatch(projectId, firstBatch('retention-old-1', { start: NOW - 10 * DAY_MS }));
        await store.appendBatch(projectId, firstBatch('retention-new-1', { start: NOW - 1 * DAY_MS }));
        await store.putBlob(projectId, 'old-shot.png', new Uint8Array([1]), 'image/png', { sessionId: 'retention-old-1' });
        await store.putBlob(projectId, 'new-shot.png', new Uint8Array([2]), 'image/png', { sessionId: 'retention-new-1' });
      }

      expect(await sweepRetention(store, NOW)).toEqual({ deletedByProject: { week: 1 }, deleted: 1 });

      expect(await store.getSession('week', 'retention-old-1')).toBeUndefined();
      expect(await store.readEvents('week', 'retention-old-1')).toEqual([]);
      expect(await store.getBlob('week', 'old-shot.png')).toBeUndefined();
      expect(fs.existsSync(blobPath(dataDir, 'week', 'old-shot.png'))).toBe(false);
      expect(await store.getSession('week', 'retention-new-1')).toBeDefined();
      expect(await store.getBlob('week', 'new-shot.png')).toBeDefined();
      expect((await store.listSessions('forever', {}, 10)).items.map((session) => session.id).sort()).toEqual(['retention-new-1', 'retention-old-1']);
      expect(await store.getBlob('forever', 'old-shot.png')).toBeDefined();
      expect(await sweepRetention(store, NOW)).toEqual({ deletedByProject: { week: 0 }, deleted: 0 });
    } finally {
      await store.close();
    }
  });

  it('is swept by startServer at start and again on its interval, and stops with the server', async () => {
    const dataDir = tempDir();
    const seed = await SqliteStore.open(dataDir);
    await seed.upsertProject({ ...project('default', 30), ingestKey: INGEST_KEY });
    await seed.appendBatch('default', firstBatch('expired-at-start', { start: NOW - 31 * DAY_MS }));
    await seed.appendBatch('default', firstBatch('expires-later-1', { start: NOW - 20 * DAY_MS }));
    await seed.close();

    let now = NOW;
    const config = loadConfig({ port: 0, data: dataDir }, { REPRISE_PROJECT_KEY: INGEST_KEY, REPRISE_ADMIN_TOKEN: 'retention-admin-0001', REPRISE_ADMIN_PASSWORD: 'retention-password', REPRISE_LOG_LEVEL: 'silent' });
    const server = await startServer(config, { logger: pino({ level: 'silent' }), distDir: path.join(dataDir, 'no-dist'), retention: { intervalMs: 40, now: () => now } });
    try {
      await waitFor(async () => !(await server.store.getSession('default', 'expired-at-start')), 'the start-up sweep');
      expect(await server.store.getSession('default', 'expires-later-1')).toBeDefined();
      now = NOW + 11 * DAY_MS;
      await waitFor(async () => !(await server.store.getSession('default', 'expires-later-1')), 'an interval sweep');
    } finally {
      await server.close();
    }
    // Closing stopped the timer: a sweep after close would hit a closed database and log, not delete.
    const reopened = await SqliteStore.open(dataDir);
    await reopened.appendBatch('default', firstBatch('after-close-1', { start: NOW - 365 * DAY_MS }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await reopened.getSession('default', 'after-close-1')).toBeDefined();
    await reopened.close();
  });
});

describe('server/http | DELETE /api/sessions?user= (privacy request)', () => {
  it('removes the user\'s sessions with the blobs tied to them, and nobody else\'s', async () => {
    const server = await startTestServer();
    try {
      const ingest = (body: unknown) => fetch(`${server.url}/api/ingest`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-reprise-key': INGEST_KEY } });
      expect((await ingest(firstBatch('privacy-erase-1', { userId: 'erase-me' }))).status).toBe(200);
      expect((await ingest(firstBatch('privacy-keep-1', { userId: 'keep-me' }))).status).toBe(200);
      await server.store.putBlob('default', 'erase-shot.png', new Uint8Array([1, 2]), 'image/png', { sessionId: 'privacy-erase-1' });
      await server.store.putBlob('default', 'keep-shot.png', new Uint8Array([3]), 'image/png', { sessionId: 'privacy-keep-1' });

      const response = await fetch(`${server.url}/api/sessions?user=erase-me`, { method: 'DELETE', headers: adminHeaders() });
      expect(await response.json()).toEqual({ deleted: 1 });

      expect((await fetch(`${server.url}/api/blobs/erase-shot.png`, { headers: adminHeaders() })).status).toBe(404);
      expect(fs.existsSync(blobPath(server.config.dataDir, 'default', 'erase-shot.png'))).toBe(false);
      expect((await fetch(`${server.url}/api/sessions/privacy-erase-1`, { headers: adminHeaders() })).status).toBe(404);
      expect((await fetch(`${server.url}/api/blobs/keep-shot.png`, { headers: adminHeaders() })).status).toBe(200);
      expect((await fetch(`${server.url}/api/sessions/privacy-keep-1`, { headers: adminHeaders() })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
