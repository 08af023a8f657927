// Markdown for the main-thread cost of one page: medians per recorder, with ratios to no recorder and to bare rrweb.
import { formatMs, median } from '../lib/measure.js';
import type { CostSample } from './measureMainThread.js';
import { VARIANTS, type Variant } from './recorderVariants.js';

export interface CostSummary {
  variant: Variant;
  taskMs: number;
  scriptMs: number;
  samples: number;
  stoppedRuns: number;
}

export function summarize(variant: Variant, samples: CostSample[]): CostSummary {
  return {
    variant,
    taskMs: median(samples.map((sample) => sample.taskMs)),
    scriptMs: median(samples.map((sample) => sample.scriptMs)),
    samples: samples.length,
    stoppedRuns: samples.filter((sample) => !sample.recording).length,
  };
}

export function costTable(title: string, rows: CostSummary[]): string {
  const byVariant = (variant: Variant) => rows.find((row) => row.variant === variant)!;
  const none = byVariant('no recorder');
  const bare = byVariant('bare rrweb');
  const ratio = (value: number, reference: number) => `${(value / reference).toFixed(2)}x`;
  const lines = [
    `### Main-thread cost, ${title}`,
    '',
    '| recorder | TaskDuration | vs no recorder | vs bare rrweb | ScriptDuration | vs no recorder | vs bare rrweb | samples |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const variant of VARIANTS) {
    const row = byVariant(variant);
    const stopped = row.stoppedRuns ? ` (kill switch fired in ${row.stoppedRuns})` : '';
    lines.push(
      `| ${variant}${stopped} | ${formatMs(row.taskMs)} | ${ratio(row.taskMs, none.taskMs)} | ${ratio(row.taskMs, bare.taskMs)} | ` +
        `${formatMs(row.scriptMs)} | ${ratio(row.scriptMs, none.scriptMs)} | ${ratio(row.scriptMs, bare.scriptMs)} | ${row.samples} |`,
    );
  }
  return lines.join('\n');
}
