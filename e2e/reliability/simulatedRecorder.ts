// A recorder stand-in: sends numbered batches of one session on loopback, honours 429 Retry-After, and
// keeps what it sent so the store can be checked afterwards.
import { firstBatch, batch } from '../../server/test/helpers/batches.js';
import type { IngestBatch } from '../../protocol/index.js';

export interface RecorderStats {
  sessionId: string;
  batchesAcknowledged: number;
  eventsAcknowledged: number;
  rateLimited: number;
  errors: string[];
  latenciesMs: number[];
}

const EVENTS_PER_BATCH = 20;

export function makeBatch(sessionId: string, seq: number): IngestBatch {
  if (seq === 0) return firstBatch(sessionId, { start: 1_700_000_000_000 });
  const start = 1_700_000_000_000 + seq * 1_000;
  return batch(sessionId, seq, Array.from({ length: EVENTS_PER_BATCH }, (_, index) => ({
    type: 3, data: { source: 1, positions: [{ x: index, y: seq, id: 4, timeOffset: 0 }] }, timestamp: start + index,
  })));
}

export async function runRecorder(url: string, ingestKey: string, sessionId: string, until: () => boolean, pauseMs: number): Promise<RecorderStats> {
  const stats: RecorderStats = { sessionId, batchesAcknowledged: 0, eventsAcknowledged: 0, rateLimited: 0, errors: [], latenciesMs: [] };
  for (let seq = 0; !until(); ) {
    const body = makeBatch(sessionId, seq);
    const started = performance.now();
    const response = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': ingestKey, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .catch((error: Error) => ({ status: 0, text: async () => error.message, headers: new Headers() }));
    stats.latenciesMs.push(performance.now() - started);
    const text = await response.text();
    if (response.status === 429) {
      stats.rateLimited++;
      const retryAfterSeconds = Number(response.headers.get('retry-after'));
      if (!(retryAfterSeconds > 0)) stats.errors.push(`429 without a valid Retry-After: ${response.headers.get('retry-after')}`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, retryAfterSeconds) * 1000));
      continue;
    }
    if (response.status !== 200) {
      stats.errors.push(`seq ${seq}: ${response.status} ${text.slice(0, 200)}`);
      break;
    }
    stats.batchesAcknowledged++;
    stats.eventsAcknowledged += body.events.length;
    seq++;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return stats;
}

export function percentile(sorted: number[], fraction: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]! : 0;
}
