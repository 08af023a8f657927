// Graceful shutdown: SIGTERM while batches stream in. The server stops accepting, finishes the batch in flight,
// exits 0, and every batch it acknowledged is in the store.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { openStore } from '../../server/store/index.js';
import { makeBatch } from './simulatedRecorder.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KEY = 'shutdown-ingest-key';

function postSlowly(url: string, body: string, beforeSecondHalf: Promise<unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': KEY, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.write(body.slice(0, 10));
    void beforeSecondHalf.then(() => request.end(body.slice(10)));
  });
}

describe('e2e/reliability | graceful shutdown', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-shutdown-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the in-flight batch, keeps every acknowledged one, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'start', '--port', '0', '--data', dataDir], {
      cwd: ROOT,
      env: { ...process.env, REPRISE_PROJECT_KEY: KEY, REPRISE_ADMIN_PASSWORD: 'shutdown-password', REPRISE_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
    });

    const acknowledged: number[] = [];
    let seq = 0;
    let stop = false;
    const stream = (async () => {
      while (!stop) {
        const current = seq++;
        const response = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': KEY }, body: JSON.stringify(makeBatch('shutdown-stream-1', current)) }).catch(() => undefined);
        if (!response) break;
        if (response.status === 200) acknowledged.push(current);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    let signalled!: () => void;
    const afterSignal = new Promise<void>((resolve) => (signalled = resolve));
    const slow = postSlowly(url, JSON.stringify(makeBatch('shutdown-slow-1', 0)), afterSignal.then(() => new Promise((resolve) => setTimeout(resolve, 500))));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    signalled();
    expect(await slow).toBe(200);
    stop = true;
    await stream;
    expect(await exited, output.slice(-2000)).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(3);

    const store = await openStore(loadConfig({ data: dataDir }, {}));
    try {
      expect((await store.readEvents('default', 'shutdown-slow-1')).length).toBe(makeBatch('shutdown-slow-1', 0).events.length);
      const session = await store.getSession('default', 'shutdown-stream-1');
      // Every acknowledged seq is there; a batch sent after the listener closed was refused, never half-stored.
      expect(session!.batches).toBeGreaterThanOrEqual(acknowledged.length);
      expect(session!.missingSeqs).toEqual([]);
      expect(session!.counts.events).toBe(acknowledged.reduce((sum, current) => sum + makeBatch('shutdown-stream-1', current).events.length, 0));
    } finally {
      await store.close();
    }
  });
});
