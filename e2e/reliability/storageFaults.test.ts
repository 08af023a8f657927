// Disk full and read-only data folder: a real 2 MiB tmpfs under the embedded store. Tests run as root, so
// chmod would not stop writes; a filesystem that refuses them is the only honest fault.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';
import { makeBatch } from './simulatedRecorder.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-tmpfs-'));
const mountProblem = tryMountTmpfs(mountPoint);
if (mountProblem) console.warn(`e2e/reliability | storage faults NOT exercised: mounting a tmpfs failed (${mountProblem}). Run the suite as root in a sandbox that allows mount.`);

function tryMountTmpfs(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
  }
}

function remount(mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, mountPoint]);
}

function fillDisk(filler: string): void {
  // dd stops with ENOSPC once the tmpfs is full: that failure is the point.
  spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=16k'], { stdio: 'ignore' });
}

describe.skipIf(mountProblem !== undefined)('e2e/reliability | storage faults', () => {
  let server: ReliabilityServer;
  const dataDir = path.join(mountPoint, 'data');
  const filler = path.join(mountPoint, 'filler');
  const ingest = (sessionId: string, seq: number) =>
    fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': server.projectA.ingestKey, 'content-type': 'application/json' }, body: JSON.stringify(makeBatch(sessionId, seq)) });
  const readyz = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    server = await startReliabilityServer({ dataDir });
  });
  afterAll(async () => {
    await server?.close();
    try {
      execFileSync('umount', [mountPoint]);
    } finally {
      fs.rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  it('answers 507 on a full disk, stays up, keeps what it stored, and ingests again once space returns', async () => {
    for (let seq = 0; seq < 3; seq++) expect((await ingest('stored-before-full', seq)).status).toBe(200);
    const before = await server.store.readEvents('default', 'stored-before-full');
    fillDisk(filler);

    let full: Response | undefined;
    // SQLite may still fit a page or two into the last free blocks: keep sending until it cannot.
    for (let attempt = 0; attempt < 50 && !full; attempt++) {
      const response = await ingest(`during-full-${String(attempt).padStart(2, '0')}`, 0);
      if (response.status !== 200) full = response;
    }
    expect(full?.status).toBe(507);
    const body = await full!.json();
    expect(body.error.code).toBe('STORAGE_FULL');
    expect(body.error.message).toMatch(/data folder is full.*Retry later/);
    expect(await readyz()).toMatchObject({ status: 503, body: { ok: false, error: { code: 'STORAGE_FULL' } } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.store.readEvents('default', 'stored-before-full')).toEqual(before);
    expect((await server.store.getSession('default', 'stored-before-full'))?.batches).toBe(3);

    fs.rmSync(filler);
    expect((await readyz()).status).toBe(200);
    const recovered = await ingest('stored-after-full', 0);
    expect(recovered.status).toBe(200);
    expect((await server.store.getSession('default', 'stored-after-full'))?.batches).toBe(1);
    expect(await server.store.readEvents('default', 'stored-before-full')).toEqual(before);
  });

  // Linux refuses to remount a filesystem read-only while a process holds files open for writing (SQLite
  // does), so the folder turning read-only under a running server cannot be staged here: the server is stopped
  // first, and this checks the start-up path, which is where a supervisor would otherwise crash-loop.
  it('refuses to start on a read-only data folder: names the folder, says what to do, exits non-zero', async () => {
    // The fixture sessions are from 2023: keep them through the next start's retention sweep.
    const project = (await server.store.getProject('default'))!;
    await server.store.upsertProject({ ...project, retentionDays: 0 });
    const before = await server.store.readEvents('default', 'stored-before-full');
    await server.close();
    remount('ro');
    try {
      const started = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/main.ts', '--port', '0', '--data', dataDir], {
        cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, REPRISE_LOG_LEVEL: 'silent', REPRISE_REDIS_URL: '', REPRISE_MONGO_URL: '' },
      });
      expect(started.signal).toBeNull();
      expect(started.status).toBe(2);
      expect(started.stderr).toContain(`expected a writable data folder at ${dataDir}, but it is not writable (EROFS)`);
      expect(started.stderr).toMatch(/Remount it read-write/);
      expect(started.stderr).not.toMatch(/\n\s+at /);
    } finally {
      remount('rw');
    }
    server = await startReliabilityServer({ dataDir });
    expect(await server.store.readEvents('default', 'stored-before-full')).toEqual(before);
    expect((await ingest('stored-after-read-only', 0)).status).toBe(200);
  });
});
