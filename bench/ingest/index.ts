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

interface CaseRow {
  name: string;
  result: RecorderLoadResult;
  /** CPU time of this process (server or store, libuv's threads included) per batch: less at the mercy of other load than throughput. */
  cpuMsPerBatch: number;
}

export async function run(args: string[]): Promise<string> {
  const options = parseArgs(args);
  const durationMs = options.durationSeconds * 1000;
  const rows: CaseRow[] = [];
  const measureCase = async (name: string, measure: () => Promise<RecorderLoadResult>) => {
    console.error(`ingest bench: ${name} for ${options.durationSeconds} s`);
    const cpuBefore = process.cpuUsage();
    const result = await measure();
    const cpu = process.cpuUsage(cpuBefore);
    const row = { name, result, cpuMsPerBatch: (cpu.user + cpu.system) / 1000 / Math.max(1, result.batches) };
    rows.push(row);
    return row;
  };
  const referenceConcurrency = options.recorderCounts[0]!;
  const referenceName = `SqliteStore.appendBatch, ${referenceConcurrency} in flight, no HTTP`;
  // Measured before and after the HTTP cases: other load on a shared machine drifts within a run, and the ratio is
  // read against the mean of the two.
  const opening = await measureCase(`reference: ${referenceName}`, () => measureReference(durationMs, referenceConcurrency));
  for (const recorders of options.recorderCounts) {
    const server = await startBenchServer();
    try {
      await measureCase(`HTTP POST /api/ingest, ${recorders} recorders`, () => forkRecorders({ url: server.url, ingestKey: BENCH_INGEST_KEY, recorders, durationMs, runTag: `c${recorders}` }));
    } finally {
      await server.stop();
    }
  }
  const closing = await measureCase(`reference again, after the HTTP cases`, () => measureReference(durationMs, referenceConcurrency));
  const precompressed = await measureCase(`pre-compressed reference: ${referenceName}, chunks gzipped in advance`, () => measureReference(durationMs, referenceConcurrency, { precompressed: true }));
  const references = [opening, closing];
  const sections = [throughputTable(options.durationSeconds, rows, references, precompressed)];
  if (options.soakSeconds) sections.push(await runSoak(options.soakSeconds, SOAK_RECORDERS));
  return sections.join('\n\n');
}

function throughputTable(durationSeconds: number, rows: CaseRow[], references: CaseRow[], precompressed: CaseRow): string {
  const referenceEventsPerSecond = references.reduce((sum, row) => sum + row.result.eventsPerSecond, 0) / references.length;
  const lines = [
    `### Ingest throughput, ${durationSeconds} s per case (gzip JSON batches of 100-300 events; goal: ratio ≥ ${RATIO_GOAL})`,
    '',
    '| case | events/s | batches/s | p50 latency | p99 latency | batches | failures | CPU per batch | recorders\' CPU per batch | ratio to reference | ratio to pre-compressed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const { result } = row;
    const ratio = result.eventsPerSecond / referenceEventsPerSecond;
    const verdict = references.includes(row) || row === precompressed ? '' : ratio >= RATIO_GOAL ? ' (goal met)' : ' (below goal)';
    lines.push(`| ${row.name} | ${Math.round(result.eventsPerSecond)} | ${result.batchesPerSecond.toFixed(1)} | ${formatMs(result.p50Ms)} | ${formatMs(result.p99Ms)} | ${result.batches} | ${result.failures} | ${row.cpuMsPerBatch.toFixed(2)} ms | ${result.recorderCpuMs === undefined ? '–' : `${(result.recorderCpuMs / Math.max(1, result.batches)).toFixed(2)} ms`} | ${ratio.toFixed(2)}x${verdict} | ${(result.eventsPerSecond / precompressed.result.eventsPerSecond).toFixed(2)}x |`);
  }
  const failure = rows.find((row) => row.result.firstFailure)?.result.firstFailure;
  if (failure) lines.push('', `First failure: ${failure}`);
  lines.push(
    '',
    `Ratio to reference: events/s against the mean of the two reference measurements (${Math.round(referenceEventsPerSecond)} events/s), taken before and after the HTTP cases. The goal is read against it: the issue's reference is the same batches appended straight into SQLite, which compresses them itself. The pre-compressed reference hands the store chunks gzipped in advance, as a gzip ingest body now is, and shows what is left of the gap without any compression.`,
    'CPU per batch: CPU time of the bench process (the server or the store) over the case, per batch acknowledged. Recorders\' CPU per batch: the child process that simulates the recorders (it compresses only the envelope header of each body: the events part is gzipped ahead, as browsers compress on their own machines), on the same cores.',
    'Latency: request sent to ack received (the ack waits for the SQLite commit). Reference latency: one appendBatch call, queueing for its group commit included.',
  );
  return lines.join('\n');
}
