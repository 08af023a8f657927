// Soak: a steady load for a long time while the server's RSS is sampled every 10 s. The server runs in this
// process and the recorders in a child, so the RSS read here is the server's alone.
import { formatMs } from '../lib/measure.js';
import { BENCH_INGEST_KEY, startBenchServer } from './benchServer.js';
import { forkRecorders } from './forkRecorders.js';

const SAMPLE_INTERVAL_MS = 10_000;
const MIB = 1024 * 1024;

export interface SoakSample {
  atSeconds: number;
  rssMiB: number;
  heapUsedMiB: number;
}

export async function runSoak(durationSeconds: number, recorders: number, log: (line: string) => void = (line) => console.error(line)): Promise<string> {
  const server = await startBenchServer();
  const started = performance.now();
  const samples: SoakSample[] = [];
  const sample = () => {
    const memory = process.memoryUsage();
    const entry = { atSeconds: Math.round((performance.now() - started) / 1000), rssMiB: memory.rss / MIB, heapUsedMiB: memory.heapUsed / MIB };
    samples.push(entry);
    log(`soak t=${entry.atSeconds}s rss=${entry.rssMiB.toFixed(1)} MiB heapUsed=${entry.heapUsedMiB.toFixed(1)} MiB`);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  try {
    const result = await forkRecorders({ url: server.url, ingestKey: BENCH_INGEST_KEY, recorders, durationMs: durationSeconds * 1000, runTag: 'soak' });
    clearInterval(timer);
    sample();
    // The first sample is taken before any load; growth is measured from the first loaded sample on.
    const loaded = samples.slice(1);
    const first = loaded[0]!;
    const last = loaded[loaded.length - 1]!;
    const peak = Math.max(...loaded.map((entry) => entry.rssMiB));
    const lines = [
      `### Ingest soak: ${recorders} recorders for ${durationSeconds} s`,
      '',
      '| t (s) | RSS (MiB) | heap used (MiB) |',
      '| ---: | ---: | ---: |',
      ...samples.map((entry) => `| ${entry.atSeconds} | ${entry.rssMiB.toFixed(1)} | ${entry.heapUsedMiB.toFixed(1)} |`),
      '',
      `RSS growth from t=${first.atSeconds}s to t=${last.atSeconds}s: ${(last.rssMiB - first.rssMiB).toFixed(1)} MiB (peak ${peak.toFixed(1)} MiB). ` +
        `Heap used: ${(last.heapUsedMiB - first.heapUsedMiB).toFixed(1)} MiB. ` +
        `Ingested ${result.batches} batches / ${result.events} events (${Math.round(result.eventsPerSecond)} events/s, p50 ${formatMs(result.p50Ms)}, p99 ${formatMs(result.p99Ms)}), ${result.failures} failures.`,
    ];
    return lines.join('\n');
  } finally {
    clearInterval(timer);
    await server.stop();
  }
}
