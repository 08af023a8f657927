// Load: many simulated recorders on loopback against one server with the embedded store. No error responses
// except deliberate 429s (honoured with Retry-After), and every session complete afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_TESTS, startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';
import { percentile, runRecorder } from './simulatedRecorder.js';

const RECORDERS = LONG_TESTS ? 200 : 50;
const DURATION_MS = LONG_TESTS ? 120_000 : 15_000;
const PAUSE_BETWEEN_BATCHES_MS = 100;

describe('e2e/reliability | load', () => {
  let server: ReliabilityServer;

  beforeAll(async () => {
    server = await startReliabilityServer({ ingestRatePerSecond: 300, ingestBurst: 300 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`holds ${RECORDERS} recorders for ${DURATION_MS / 1000}s with every acknowledged batch stored`, { timeout: DURATION_MS + 120_000 }, async () => {
    const deadline = Date.now() + DURATION_MS;
    const results = await Promise.all(Array.from({ length: RECORDERS }, (_, index) =>
      runRecorder(server.url, server.projectA.ingestKey, `load-recorder-${String(index).padStart(4, '0')}`, () => Date.now() > deadline, PAUSE_BETWEEN_BATCHES_MS)));

    const latencies = results.flatMap((result) => result.latenciesMs).sort((a, b) => a - b);
    const batches = results.reduce((sum, result) => sum + result.batchesAcknowledged, 0);
    const rateLimited = results.reduce((sum, result) => sum + result.rateLimited, 0);
    console.log(`load: ${RECORDERS} recorders, ${DURATION_MS / 1000}s, ${batches} batches acknowledged (${(batches / (DURATION_MS / 1000)).toFixed(0)}/s), ` +
      `${rateLimited} deliberate 429s, latency p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`);

    expect(results.flatMap((result) => result.errors)).toEqual([]);
    expect(batches).toBeGreaterThan(RECORDERS);
    const incomplete: string[] = [];
    for (const result of results) {
      const session = await server.store.getSession('default', result.sessionId);
      if (!session || session.missingSeqs.length || session.batches !== result.batchesAcknowledged || session.counts.events !== result.eventsAcknowledged) {
        incomplete.push(`${result.sessionId}: sent ${result.batchesAcknowledged} batches/${result.eventsAcknowledged} events, stored ${JSON.stringify(session && { batches: session.batches, events: session.counts.events, missingSeqs: session.missingSeqs })}`);
      }
    }
    expect(incomplete).toEqual([]);
    const events = await server.store.readEvents('default', results[0]!.sessionId);
    expect(events).toHaveLength(results[0]!.eventsAcknowledged);
  });
});
