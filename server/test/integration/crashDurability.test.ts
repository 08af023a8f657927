// SIGKILL the server while 20 recorders are sending, restart it on the same data dir and port, and check that
// nothing acknowledged was lost and nothing retried was stored twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksumEvents, INGEST_KEY_HEADER, type IngestBatch, type RecordedEvent, type SessionSummary } from '../../../protocol/index.js';
import { SqliteStore } from '../../store/index.js';
import { batch, custom, meta } from '../helpers/batches.js';
import { spawnServerProcess, type ServerProcess } from '../helpers/spawnServerProcess.js';

const RECORDERS = 20;
const BATCHES_PER_SESSION = 12;
const EVENTS_PER_BATCH = 30;
const KILL_AFTER_ACKS = Math.floor((RECORDERS * BATCHES_PER_SESSION) / 3);
const RETRY_DELAY_MS = 50;
const GAP_BETWEEN_BATCHES_MS = 10;
const RECORDER_DEADLINE_MS = 60_000;
const INGEST_KEY = 'crash-ingest-key-0001';
const ADMIN_TOKEN = 'crash-admin-token-0001';
const SESSION_START = 1_760_000_000_000;

/** Timestamps are unique per session (seq * 1000 + index), so a duplicated or lost event shows up by timestamp. */
function sessionBatches(sessionId: string): IngestBatch[] {
  return Array.from({ length: BATCHES_PER_SESSION }, (_, seq) => {
    const events: RecordedEvent[] = Array.from({ length: EVENTS_PER_BATCH }, (_, index) => {
      const timestamp = SESSION_START + seq * 1000 + index;
      if (seq === 0 && index === 0) return meta('https://shop.example/cart', timestamp);
      if (index % 10 === 0) return custom('reprise.action', { type: 'click', target: { selectors: [] } }, timestamp);
      return { type: 3, data: { source: 1, positions: [{ x: index, y: seq, id: 4, timeOffset: 0 }] }, timestamp };
    });
    return batch(sessionId, seq, events);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('server | crash durability (SIGKILL during ingest)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-crash-'));
  const env = {
    REPRISE_DATA_DIR: dataDir,
    REPRISE_PROJECT_KEY: INGEST_KEY,
    REPRISE_ADMIN_TOKEN: ADMIN_TOKEN,
    REPRISE_ADMIN_PASSWORD: 'crash-test-password',
    REPRISE_INGEST_RATE: '100000',
    REPRISE_INGEST_BURST: '100000',
    REPRISE_LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
  };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged batch, completes every session and stores no retry twice', async () => {
    server = await spawnServerProcess({ ...env, PORT: '0' });
    const port = server.port;
    let url = server.url;
    const sessions = Array.from({ length: RECORDERS }, (_, index) => ({ id: `crash-session-${String(index).padStart(2, '0')}`, batches: sessionBatches(`crash-session-${String(index).padStart(2, '0')}`) }));
    const ackedBeforeKill = new Map<string, Set<number>>(sessions.map((session) => [session.id, new Set()]));
    let killed = false;
    let acks = 0;
    let failedAttempts = 0;
    let killedServer: Promise<void> | undefined;

    const send = async (body: IngestBatch): Promise<void> => {
      const deadline = Date.now() + RECORDER_DEADLINE_MS;
      for (;;) {
        try {
          const response = await fetch(`${url}/api/ingest`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', [INGEST_KEY_HEADER]: INGEST_KEY } });
          if (response.status === 200) {
            const ack = (await response.json()) as { seq: number };
            expect(ack.seq).toBe(body.seq);
            if (!killed) ackedBeforeKill.get(body.sessionId)!.add(body.seq);
            if (++acks === KILL_AFTER_ACKS) killedServer = killServer();
            return;
          }
          await response.body?.cancel();
        } catch {
          // Connection refused or reset while the server is down: the recorder keeps the batch and retries.
        }
        failedAttempts++;
        if (Date.now() > deadline) throw new Error(`Batch ${body.sessionId}#${body.seq} was not acknowledged within ${RECORDER_DEADLINE_MS} ms`);
        await sleep(RETRY_DELAY_MS);
      }
    };

    const killServer = async () => {
      killed = true;
      const dead = server!;
      dead.child.kill('SIGKILL');
      expect(await dead.exited).toBe('SIGKILL');
      // The database as the crash left it, before a restart could repair or add anything.
      const store = await SqliteStore.open(dataDir);
      try {
        for (const [sessionId, seqs] of ackedBeforeKill) {
          if (!seqs.size) continue;
          const summary = await store.getSession('default', sessionId);
          expect(summary, `session ${sessionId} with acknowledged batches`).toBeDefined();
          const stored = receivedSeqs(summary!);
          for (const seq of seqs) expect(stored.has(seq), `acknowledged batch ${sessionId}#${seq} survived the crash`).toBe(true);
          const timestamps = new Set((await store.readEvents('default', sessionId)).map((event) => event.timestamp));
          for (const seq of seqs) expect(timestamps.has(SESSION_START + seq * 1000 + EVENTS_PER_BATCH - 1)).toBe(true);
        }
      } finally {
        await store.close();
      }
      server = await spawnServerProcess({ ...env, PORT: String(port) });
      url = server.url;
    };

    await Promise.all(sessions.map(async (session) => {
      for (const body of session.batches) {
        await send(body);
        await sleep(GAP_BETWEEN_BATCHES_MS);
      }
    }));
    await killedServer;

    const acknowledgedBeforeKill = [...ackedBeforeKill.values()].reduce((total, seqs) => total + seqs.size, 0);
    expect(killed).toBe(true);
    expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledgedBeforeKill).toBeLessThan(RECORDERS * BATCHES_PER_SESSION);
    expect(failedAttempts).toBeGreaterThan(0);

    const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-reprise-project': 'default' };
    for (const session of sessions) {
      const summary = (await (await fetch(`${url}/api/sessions/${session.id}`, { headers })).json()) as SessionSummary;
      expect(summary).toMatchObject({ id: session.id, missingSeqs: [], batches: BATCHES_PER_SESSION, counts: { events: BATCHES_PER_SESSION * EVENTS_PER_BATCH } });
      const events = (await (await fetch(`${url}/api/sessions/${session.id}/events`, { headers })).json()) as RecordedEvent[];
      expect(events).toHaveLength(BATCHES_PER_SESSION * EVENTS_PER_BATCH);
      expect(new Set(events.map((event) => event.timestamp)).size).toBe(events.length);
      session.batches.forEach((sent, seq) => {
        expect(checksumEvents(events.slice(seq * EVENTS_PER_BATCH, (seq + 1) * EVENTS_PER_BATCH))).toBe(sent.checksum);
      });
    }

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe('code 0');
  });
});

/** Seqs received so far: 0..highest minus the missing ones (highest follows from the batch count). */
function receivedSeqs(summary: SessionSummary): Set<number> {
  const highest = summary.batches + summary.missingSeqs.length - 1;
  const missing = new Set(summary.missingSeqs);
  return new Set(Array.from({ length: highest + 1 }, (_, seq) => seq).filter((seq) => !missing.has(seq)));
}
