// Ingest: sustained throughput and ack latency of POST /api/ingest under 50 and 200 concurrent simulated
// recorders on loopback, against the same kind of batches appended straight into SqliteStore in the same run.
// Args: --duration S (per scenario, default 20), --recorders 50,200, --soak S (adds the memory soak).
import { formatMs } from '../lib/measure.js';
import { BENCH_INGEST_KEY, startBenchServer } from './benchServer.js';
import { forkRecorders } from './forkRecorders.js';
import { measureReference } from './measureReference.js';
import type { RecorderLoadResult } from './runRecorders.js';
import { runSoak } from './runSoak.js';

const DEFAULT_DURATION_SECONDS = 20;
const DEFAULT_RECORDERS = [50, 200];
const SOAK_RECORDERS = 50;
/** The goal: HTTP ingest keeps at least half the throughput of writing to the store directly. */
const RATIO_GOAL = 0.5;

interface IngestBenchArgs {
  durationSeconds: number;
  recorderCounts: number[];
  soakSeconds?: number;
}

export function parseArgs(args: string[]): IngestBenchArgs {
  const valueOf = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const positive = (flag: string, text: string | undefined) => {
    const value = Number(text);
    if (!(value > 0)) throw new Error(`Ingest bench: ${flag} expects a positive number, got ${JSON.stringify(text)}. Example: npm run bench -- ingest ${flag} 20`);
    return value;
  };
  const duration = valueOf('--duration');
  const recorders = valueOf('--recorders');
  const soak = valueOf('--soak');
  return {
    durationSeconds: duration === undefined ? DEFAULT_DURATION_SECONDS : positive('--duration', duration),
    recorderCounts: recorders === undefined ? DEFAULT_RECORDERS : recorders.split(',').map((part) => positive('--recorders', part)),
    soakSeconds: soak === undefined ? undefined : positive('--soak', soak),
  };
}

export async function run(args: string[]): Promise<string> {
  const options = parseArgs(args);
  const durationMs = options.durationSeconds * 1000;
  const rows: [string, RecorderLoadResult][] = [];
  const referenceConcurrency = options.recorderCounts[0]!;
  console.error(`ingest bench: reference (SqliteStore.appendBatch, ${referenceConcurrency} in flight) for ${options.durationSeconds} s`);
  const reference = await measureReference(durationMs, referenceConcurrency);
  rows.push([`reference: SqliteStore.appendBatch, ${referenceConcurrency} in flight, no HTTP`, reference]);
  for (const recorders of options.recorderCounts) {
    console.error(`ingest bench: ${recorders} recorders over HTTP for ${options.durationSeconds} s`);
    const server = await startBenchServer();
    try {
      const result = await forkRecorders({ url: server.url, ingestKey: BENCH_INGEST_KEY, recorders, durationMs, runTag: `c${recorders}` });
      rows.push([`HTTP POST /api/ingest, ${recorders} recorders`, result]);
    } finally {
      await server.stop();
    }
  }
  const sections = [throughputTable(options.durationSeconds, rows, reference)];
  if (options.soakSeconds) sections.push(await runSoak(options.soakSeconds, SOAK_RECORDERS));
  return sections.join('\n\n');
}

function throughputTable(durationSeconds: number, rows: [string, RecorderLoadResult][], reference: RecorderLoadResult): string {
  const lines = [
    `### Ingest throughput, ${durationSeconds} s per case (gzip JSON batches of 100-300 events; goal: ratio ≥ ${RATIO_GOAL})`,
    '',
    '| case | events/s | batches/s | p50 latency | p99 latency | batches | failures | ratio to reference |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, result] of rows) {
    const ratio = result.eventsPerSecond / reference.eventsPerSecond;
    lines.push(`| ${name} | ${Math.round(result.eventsPerSecond)} | ${result.batchesPerSecond.toFixed(1)} | ${formatMs(result.p50Ms)} | ${formatMs(result.p99Ms)} | ${result.batches} | ${result.failures} | ${ratio.toFixed(2)}x${result === reference ? '' : ratio >= RATIO_GOAL ? ' (goal met)' : ' (below goal)'} |`);
  }
  const failure = rows.find(([, result]) => result.firstFailure)?.[1].firstFailure;
  if (failure) lines.push('', `First failure: ${failure}`);
  lines.push('', 'Latency: request sent to ack received (the ack waits for the SQLite commit). Reference latency: one appendBatch call, queueing for its group commit included.');
  return lines.join('\n');
}
