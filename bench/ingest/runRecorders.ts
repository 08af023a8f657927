// Simulated recorders: each sends its session's batches one after another (gzip JSON, as the recorder sends them;
// see batchTemplates.ts for why the compression is mostly done ahead), waiting for the ack before the next, and starts a new session after BATCHES_PER_SESSION batches.
import http from 'node:http';
import { INGEST_KEY_HEADER } from '../../protocol/index.js';
import { percentile } from './latencyStats.js';
import { buildTemplatePool, gzippedBatchBody, templateFor } from './batchTemplates.js';
import { BATCHES_PER_SESSION } from './realisticBatches.js';

export interface RecorderLoadOptions {
  url: string;
  ingestKey: string;
  recorders: number;
  durationMs: number;
  /** Distinguishes session ids across scenarios that share a data dir. */
  runTag: string;
}

export interface RecorderLoadResult {
  batches: number;
  events: number;
  failures: number;
  firstFailure?: string;
  elapsedMs: number;
  eventsPerSecond: number;
  batchesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the process that ran the recorders (building and gzipping bodies, HTTP), when measured there. */
  recorderCpuMs?: number;
}

export async function runRecorders(options: RecorderLoadOptions): Promise<RecorderLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.recorders });
  const latencies: number[] = [];
  const totals = { batches: 0, events: 0, failures: 0, firstFailure: undefined as string | undefined };
  const pool = buildTemplatePool();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + options.durationMs;
  let lastAckAt = start;
  const recorder = async (index: number) => {
    for (let sessionNumber = 0; performance.now() < deadline; sessionNumber++) {
      const sessionId = `bench-${options.runTag}-r${index}-s${sessionNumber}`;
      for (let seq = 0; seq < BATCHES_PER_SESSION && performance.now() < deadline; seq++) {
        const template = templateFor(pool, index + sessionNumber, seq);
        const body = gzippedBatchBody(template, sessionId, seq);
        const sentAt = performance.now();
        const outcome = await post(agent, options, body);
        const ackedAt = performance.now();
        if (outcome.status === 200) {
          latencies.push(ackedAt - sentAt);
          totals.batches++;
          totals.events += template.eventCount;
          lastAckAt = ackedAt;
        } else {
          totals.failures++;
          totals.firstFailure ??= `HTTP ${outcome.status}: ${outcome.body.slice(0, 300)}`;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.recorders }, (_, index) => recorder(index)));
  agent.destroy();
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedMs = lastAckAt - start;
  latencies.sort((a, b) => a - b);
  return {
    ...totals,
    elapsedMs,
    eventsPerSecond: totals.events / (elapsedMs / 1000),
    batchesPerSecond: totals.batches / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    recorderCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

function post(agent: http.Agent, options: RecorderLoadOptions, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const request = http.request(`${options.url}/api/ingest`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': body.length, [INGEST_KEY_HEADER]: options.ingestKey },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', (error) => resolve({ status: 0, body: error.message }));
    });
    request.on('error', (error) => resolve({ status: 0, body: error.message }));
    request.end(body);
  });
}
