import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  medianMs: number;
  samples: number;
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times, and returns the median wall time. */
export async function measure(name: string, fn: () => unknown | Promise<unknown>, options: { iterations?: number; warmup?: number } = {}): Promise<Measurement> {
  const { iterations = 15, warmup = 3 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { name, medianMs: median(times), samples: iterations };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A markdown table of medians, each with its ratio against the named reference row measured in the same run. */
export function ratioTable(title: string, rows: Measurement[], reference: string): string {
  const referenceRow = rows.find((row) => row.name === reference);
  if (!referenceRow) throw new Error(`ratioTable: no row named "${reference}" to compare against`);
  const lines = [`### ${title}`, '', `| case | median | ratio to ${reference} | samples |`, '| --- | ---: | ---: | ---: |'];
  for (const row of rows) {
    lines.push(`| ${row.name} | ${formatMs(row.medianMs)} | ${(row.medianMs / referenceRow.medianMs).toFixed(2)}x | ${row.samples} |`);
  }
  return lines.join('\n');
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
