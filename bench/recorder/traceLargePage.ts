// `npx tsx bench/recorder/traceLargePage.ts [--runs N] [--page large|form|mutation] [--top N]`: names the main-thread
// time each recorder adds, script or not (issue #8). One Chrome trace (devtools.timeline categories) per load, loads
// interleaved; the renderer main thread's events are reduced to self time per event name (Layout, UpdateLayoutTree,
// MajorGC, FunctionCall, ...), and the medians per load are printed side by side for no recorder, bare rrweb and
// Reprise (PROBE_EDITS variants of the Reprise bundle too, as in probeLargePage.ts).
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../replayer/browser.js';
import { median } from '../lib/measure.js';
import { startBenchServer } from './benchServer.js';
import { buildBareRrweb, buildReprise } from './bundles.js';
import { formPage } from './pages/formPage.js';
import { largePage } from './pages/largePage.js';
import { mutationPage } from './pages/mutationPage.js';
import { recorderTags, type Variant } from './recorderVariants.js';
import { drive, settle, type PageName } from './scenarios.js';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink'];
const PAGES: Record<string, { path: string; name: PageName; render: typeof largePage }> = {
  large: { path: '/large', name: 'large page', render: largePage },
  form: { path: '/form', name: 'form flow', render: formPage },
  mutation: { path: '/mutation', name: 'mutation-heavy', render: mutationPage },
};
const VARIANT_EDITS: Record<string, [string, string][]> = JSON.parse(process.env.PROBE_EDITS || '{}');

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

interface Interval {
  name: string;
  start: number;
  end: number;
}

/**
 * The page's renderer main thread: of every CrRendererMain in the trace (each browser context has its own renderer
 * process, and closing ones still log), the one with the most events.
 */
function pageMainThread(events: TraceEvent[]): string {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const counts = new Map<string, number>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (mainThreads.has(thread)) counts.set(thread, (counts.get(thread) || 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!busiest) throw new Error('traceLargePage: expected a CrRendererMain thread in the trace, found none. Check the tracing categories.');
  return busiest[0];
}

/** Self time (µs) per event name on the page's renderer main thread: an event's duration minus its nested events'. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const mainThreads = new Set([pageMainThread(events)]);
  const byThread = new Map<string, Interval[]>();
  const open = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    const intervals = byThread.get(thread) || byThread.set(thread, []).get(thread)!;
    if (event.ph === 'X' && event.dur !== undefined) intervals.push({ name: event.name, start: event.ts, end: event.ts + event.dur });
    else if (event.ph === 'B') (open.get(thread) || open.set(thread, []).get(thread)!).push(event);
    else if (event.ph === 'E') {
      const begin = open.get(thread)?.pop();
      if (begin) intervals.push({ name: begin.name, start: begin.ts, end: event.ts });
    }
  }
  const self = new Map<string, number>();
  for (const intervals of byThread.values()) {
    intervals.sort((a, b) => a.start - b.start || b.end - a.end);
    const stack: { interval: Interval; childTime: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].interval.end <= until) {
        const { interval, childTime } = stack.pop()!;
        self.set(interval.name, (self.get(interval.name) || 0) + interval.end - interval.start - childTime);
        if (stack.length) stack[stack.length - 1].childTime += interval.end - interval.start;
      }
    };
    for (const interval of intervals) {
      close(interval.start);
      stack.push({ interval, childTime: 0 });
    }
    close(Infinity);
  }
  return self;
}

async function traceOnce(browser: Browser, origin: string, path: string, pageName: PageName, variant: string, key: string): Promise<Map<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`${origin}${path}?${new URLSearchParams({ variant, key })}`, { waitUntil: 'load' });
    await drive(page, pageName);
    await settle(page, (variant === 'no recorder' || variant === 'bare rrweb' ? variant : 'reprise') as Variant);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    return selfTimes(trace.traceEvents);
  } finally {
    await context.close();
  }
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '5'));
const count = Number(option('--top', '25'));
const benchPage = PAGES[option('--page', 'large')];

const reprise = await buildReprise();
const bare = await buildBareRrweb();
const scripts: Record<string, string> = {
  '/recorder.js': reprise.source,
  '/rrweb-record.js': bare.source,
  '/rrweb-start.js': 'window.__rrwebEvents = []; window.rrwebRecord({ emit: function (event) { window.__rrwebEvents.push(event); } });',
};
for (const [name, edits] of Object.entries(VARIANT_EDITS)) {
  let source = reprise.source;
  for (const [from, to] of edits) {
    if (source.split(from).length !== 2) throw new Error(`trace: variant ${name} expects exactly one "${from}" in dist/recorder.js`);
    source = source.replace(from, to);
  }
  scripts[`/${encodeURIComponent(name)}.js`] = source;
}
const variants = ['no recorder', 'bare rrweb', 'reprise', ...Object.keys(VARIANT_EDITS)];
// A variant named "... (sync tag)" loads without `defer`, before <body> exists (as probeLargePage.ts's PROBE_SYNC_TAGS);
// '{"reprise (sync tag)": []}' is the shipped bundle installed that way.
const tags = (variant: string, query: URLSearchParams, ingest: string) =>
  variant in VARIANT_EDITS
    ? `<script src="${ingest}/${encodeURIComponent(variant)}.js" data-project="${query.get('key')}" data-endpoint="${ingest}"${variant.endsWith(' (sync tag)') ? '' : ' defer'}></script>`
    : recorderTags(variant, query, ingest);

const server = await startBenchServer({ pages: { [benchPage.path]: benchPage.render }, scripts, keepBodies: false }, tags);
const browser = await launchChromium();
const loadBefore = loadavg()[0];
try {
  const samples = new Map<string, Map<string, number>[]>(variants.map((v) => [v, []]));
  for (const variant of variants) await traceOnce(browser, server.appOrigin, benchPage.path, benchPage.name, variant, 'warmup');
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < variants.length; j++) {
      const variant = variants[(i + j) % variants.length];
      samples.get(variant)!.push(await traceOnce(browser, server.appOrigin, benchPage.path, benchPage.name, variant, `trace-${i}-${j}`));
    }
  }
  const names = new Set([...samples.values()].flatMap((maps) => maps.flatMap((map) => [...map.keys()])));
  const ms = (variant: string, name: string) => median(samples.get(variant)!.map((map) => (map.get(name) || 0) / 1000));
  const rows = [...names].map((name) => ({ name, values: variants.map((v) => ms(v, name)) }));
  rows.sort((a, b) => Math.max(...b.values) - Math.max(...a.values));
  console.log(`${benchPage.name}: renderer main-thread self time per event name, median of ${runs} loads, ${cpus().length} cores, load ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
  console.log(`| event | ${variants.join(' | ')} |\n| --- |${variants.map(() => ' ---: |').join('')}`);
  for (const row of rows.slice(0, count)) console.log(`| ${row.name} | ${row.values.map((v) => v.toFixed(1)).join(' | ')} |`);
  const total = (variant: string) => median(samples.get(variant)!.map((map) => [...map.values()].reduce((a, b) => a + b, 0) / 1000));
  console.log(`| (sum of all) | ${variants.map((v) => total(v).toFixed(1)).join(' | ')} |`);
} finally {
  await browser.close();
  await server.close();
}
