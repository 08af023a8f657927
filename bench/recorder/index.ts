// `npm run bench -- recorder [--iterations N] [--write]`: Reprise's recorder against bare rrweb record() and no
// recorder, in real Chromium on pages served from 127.0.0.1. --write also saves the tables to bench/recorder/RESULTS.md.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../replayer/browser.js';
import { median } from '../lib/measure.js';
import { startBenchServer } from './benchServer.js';
import { buildBareRrweb, buildReprise, type BuiltBundle } from './bundles.js';
import { costTable, summarize, type CostSummary } from './costTable.js';
import { measureMainThread, type CostSample } from './measureMainThread.js';
import { formPage } from './pages/formPage.js';
import { largePage } from './pages/largePage.js';
import { mutationPage } from './pages/mutationPage.js';
import { benchScripts, recorderTags, VARIANTS, type Variant } from './recorderVariants.js';
import { PAGE_NAMES, type PageName } from './scenarios.js';
import { measureSessionBytes, type SessionBytes } from './sessionBytes.js';

const DEFAULT_ITERATIONS = 5;
const SESSION_BYTES_RUNS = 3;
const LARGE_PAGE_GOAL_RATIO = 1.3;

function bundleTable(reprise: BuiltBundle, bare: BuiltBundle): string {
  const row = (b: BuiltBundle) => `| ${b.name} | ${b.bytes.toLocaleString('en')} | ${b.gzipBytes.toLocaleString('en')} | ${(b.gzipBytes / bare.gzipBytes).toFixed(2)}x |`;
  return ['### Bundle size (esbuild, minified IIFE, gzip -9)', '', '| bundle | bytes | gzip bytes | gzip vs bare rrweb |', '| --- | ---: | ---: | ---: |', row(bare), row(reprise)].join('\n');
}

function bytesTable(rows: SessionBytes[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const bare = rows.find((row) => row.variant === 'bare rrweb')!;
  const lines = [
    '### Bytes per minute of a typical session (form flow at typing pace, mouse moves, clicks)',
    '',
    '| recorder | events | flow duration | JSON / min | gzip / min | gzip vs bare rrweb | wire bytes for the flow |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const wire = row.wireBytes === undefined ? 'n/a (posts nowhere)' : `${kb(row.wireBytes)} in ${row.requests} requests`;
    lines.push(`| ${row.variant} | ${row.events} | ${(row.durationMs / 1000).toFixed(1)} s | ${kb(row.jsonBytesPerMinute)} | ${kb(row.gzipBytesPerMinute)} | ` +
      `${(row.gzipBytesPerMinute / bare.gzipBytesPerMinute).toFixed(2)}x | ${wire} |`);
  }
  return lines.join('\n');
}

/** A goal is met only when both estimates meet it: the ratio of medians and the median of paired ratios. */
function verdict(ratioOfMedians: number, pairedMedian: number, limit: number): string {
  const met = ratioOfMedians <= limit && pairedMedian <= limit;
  return `${met ? 'met' : 'NOT met'} (${ratioOfMedians.toFixed(2)}x ratio of medians, ${pairedMedian.toFixed(2)}x paired median)`;
}

function goals(costs: Map<PageName, CostSummary[]>): string {
  const lines = ['### Goals', ''];
  for (const [page, rows] of costs) {
    const reprise = rows.find((row) => row.variant === 'reprise')!;
    const bare = rows.find((row) => row.variant === 'bare rrweb')!;
    lines.push(`- ${page}: Reprise TaskDuration ≤ bare rrweb: ${verdict(reprise.taskMs / bare.taskMs, reprise.pairedVsBare, 1)}`);
  }
  const large = costs.get('large page')!;
  const reprise = large.find((row) => row.variant === 'reprise')!;
  const ratio = reprise.taskMs / large.find((row) => row.variant === 'no recorder')!.taskMs;
  lines.push(`- large page: Reprise ≤ ${LARGE_PAGE_GOAL_RATIO}x no recorder: ${verdict(ratio, reprise.pairedVsNone, LARGE_PAGE_GOAL_RATIO)}`);
  return lines.join('\n');
}

function parseIterations(args: string[]): number {
  const index = args.indexOf('--iterations');
  if (index < 0) return DEFAULT_ITERATIONS;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`bench recorder: --iterations expects a positive integer, found "${args[index + 1]}".`);
  return value;
}

export async function run(args: string[]): Promise<string> {
  const iterations = parseIterations(args);
  const [reprise, bare] = [await buildReprise(), await buildBareRrweb()];
  const server = await startBenchServer(
    { pages: { '/mutation': mutationPage, '/form': formPage, '/large': largePage }, scripts: benchScripts(reprise, bare), keepBodies: true },
    recorderTags,
  );
  const browser = await launchChromium();
  let key = 0;
  try {
    for (const page of PAGE_NAMES) await measureMainThread(browser, server.appOrigin, page, 'reprise', `warmup-${key++}`);
    const samples = new Map<string, CostSample[]>();
    for (let i = 0; i < iterations; i++) {
      for (const page of PAGE_NAMES) {
        // Rotating the order spreads drift on a shared machine evenly over the three recorders.
        const order = VARIANTS.map((_, j) => VARIANTS[(i + j) % VARIANTS.length]);
        for (const variant of order) {
          const sample = await measureMainThread(browser, server.appOrigin, page, variant, `cost-${key++}`);
          samples.set(`${page}/${variant}`, [...(samples.get(`${page}/${variant}`) || []), sample]);
        }
      }
    }
    const costs = new Map<PageName, CostSummary[]>(
      PAGE_NAMES.map((page) => {
        const of = (variant: Variant) => samples.get(`${page}/${variant}`)!;
        return [page, VARIANTS.map((variant: Variant) => summarize(variant, of(variant), of('no recorder'), of('bare rrweb')))];
      }),
    );
    const bytes: SessionBytes[] = [];
    for (const variant of ['bare rrweb', 'reprise'] as const) {
      const runs: SessionBytes[] = [];
      for (let i = 0; i < SESSION_BYTES_RUNS; i++) runs.push(await measureSessionBytes(browser, server, variant, `bytes-${key++}`));
      const middle = median(runs.map((run) => run.gzipBytesPerMinute));
      bytes.push(runs.find((run) => run.gzipBytesPerMinute === middle) ?? runs[0]);
    }
    const header = [
      '## Recorder benchmark',
      '',
      `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} shared cores (${cpus()[0]?.model.trim()}), ` +
        `Node ${process.version}, Chromium ${browser.version()} headless. ${iterations} iterations per page and recorder, a fresh ` +
        'context each; CDP Performance metrics in thread time (TaskDuration: all main-thread tasks; ScriptDuration: JS), medians. ' +
        '"paired": the median over iterations of the ratio between two recorders in the same iteration (loads run back to ' +
        'back in rotating order); a goal is met only when the ratio of medians and the paired median both meet it.',
    ].join('\n');
    const output = [header, bundleTable(reprise, bare), ...PAGE_NAMES.map((page) => costTable(page, costs.get(page)!)), goals(costs), bytesTable(bytes)].join('\n\n');
    if (args.includes('--write')) writeFileSync(join(import.meta.dirname, 'RESULTS.md'), `${output}\n`);
    return output;
  } finally {
    await browser.close();
    await server.close();
  }
}
