// The reference: the same batches appended straight into SqliteStore, no HTTP, no gzip on the wire, with as
// many appends in flight as there are recorders (so the store's group commit helps it as much as the server).
// Event arrays are parsed once up front: building a batch costs nothing here, so the time is the store's.
// `precompressed` is a second, harsher reference: each batch comes with its chunk already gzipped (as a gzip
// ingest body now is), so the store does no compression at all; the goal is read against the first one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { RECORDING_FORMAT_VERSION, type RecordedEvent } from '../../protocol/index.js';
import { SqliteStore } from '../../server/store/index.js';
import { batchBody, buildTemplatePool, templateFor, type EventsTemplate } from './batchTemplates.js';
import { percentile } from './latencyStats.js';
import { BATCHES_PER_SESSION } from './realisticBatches.js';
import type { RecorderLoadResult } from './runRecorders.js';

export async function measureReference(durationMs: number, concurrency: number, options: { precompressed?: boolean } = {}): Promise<RecorderLoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-bench-ref-'));
  const store = await SqliteStore.open(dataDir);
  try {
    const pool = buildTemplatePool();
    const parsed = new Map<string, RecordedEvent[]>();
    const eventsOf = (json: string) => parsed.get(json) ?? parsed.set(json, JSON.parse(json)).get(json)!;
    // One envelope per template, compressed before the clock starts: its `events` are the batch's events.
    const envelopes = new Map<EventsTemplate, Buffer>();
    if (options.precompressed) for (const template of [...pool.openings, ...pool.incremental]) envelopes.set(template, gzipSync(batchBody(template, 'bench-ref-envelope', 0)));
    const latencies: number[] = [];
    let events = 0;
    const start = performance.now();
    const deadline = start + durationMs;
    let lastAckAt = start;
    const writer = async (index: number) => {
      for (let sessionNumber = 0; performance.now() < deadline; sessionNumber++) {
        for (let seq = 0; seq < BATCHES_PER_SESSION && performance.now() < deadline; seq++) {
          const template = templateFor(pool, index + sessionNumber, seq);
          const batch = { formatVersion: RECORDING_FORMAT_VERSION, sessionId: `bench-ref-r${index}-s${sessionNumber}`, seq, checksum: template.checksum, sentAt: Date.now(), events: eventsOf(template.json) };
          const sentAt = performance.now();
          await store.appendBatch('default', batch, options.precompressed ? { envelopeGzip: envelopes.get(template)! } : {});
          lastAckAt = performance.now();
          latencies.push(lastAckAt - sentAt);
          events += template.eventCount;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, index) => writer(index)));
    const elapsedMs = lastAckAt - start;
    latencies.sort((a, b) => a - b);
    return {
      batches: latencies.length,
      events,
      failures: 0,
      elapsedMs,
      eventsPerSecond: events / (elapsedMs / 1000),
      batchesPerSecond: latencies.length / (elapsedMs / 1000),
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
    };
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
