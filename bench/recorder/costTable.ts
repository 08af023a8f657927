// Markdown for the main-thread cost of one page: medians per recorder, with ratios to no recorder and to bare rrweb.
import { formatMs, median } from '../lib/measure.js';
import type { CostSample } from './measureMainThread.js';
import { VARIANTS, type Variant } from './recorderVariants.js';

export interface CostSummary {
  variant: Variant;
  taskMs: number;
  scriptMs: number;
  /**
   * Median over iterations of this variant's TaskDuration divided by the reference's in the same iteration. The three
   * loads of one iteration run back to back, so load drift on a shared machine hits both sides of each ratio.
   */
  pairedVsNone: number;
  pairedVsBare: number;
  samples: number;
  stoppedRuns: number;
}

function pairedRatio(samples: CostSample[], reference: CostSample[]): number {
  return median(samples.map((sample, i) => sample.taskMs / reference[i].taskMs));
}

/** `none` and `bare` are the same page's samples of no recorder and bare rrweb, iteration by iteration. */
export function summarize(variant: Variant, samples: CostSample[], none: CostSample[], bare: CostSample[]): CostSummary {
  return {
    variant,
    taskMs: median(samples.map((sample) => sample.taskMs)),
    scriptMs: median(samples.map((sample) => sample.scriptMs)),
    pairedVsNone: pairedRatio(samples, none),
    pairedVsBare: pairedRatio(samples, bare),
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
    '| recorder | TaskDuration | vs no recorder | vs bare rrweb | paired vs no recorder | paired vs bare rrweb | ScriptDuration | vs no recorder | vs bare rrweb | samples |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const variant of VARIANTS) {
    const row = byVariant(variant);
    const stopped = row.stoppedRuns ? ` (kill switch fired in ${row.stoppedRuns})` : '';
    lines.push(
      `| ${variant}${stopped} | ${formatMs(row.taskMs)} | ${ratio(row.taskMs, none.taskMs)} | ${ratio(row.taskMs, bare.taskMs)} | ` +
        `${row.pairedVsNone.toFixed(2)}x | ${row.pairedVsBare.toFixed(2)}x | ` +
        `${formatMs(row.scriptMs)} | ${ratio(row.scriptMs, none.scriptMs)} | ${ratio(row.scriptMs, bare.scriptMs)} | ${row.samples} |`,
    );
  }
  return lines.join('\n');
}
