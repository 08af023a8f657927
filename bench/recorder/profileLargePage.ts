// `npx tsx bench/recorder/profileLargePage.ts [--runs N] [--top N] [--lines FUNCTION | --callers FUNCTION] [--page large|form|mutation]`:
// where the recorders spend main-thread time on one bench page, the large page by default (--lines: the hottest source lines of one function, by sample ticks). Both bundles are built unminified (Reprise with its rrweb patches) so function names survive; a V8 CPU
// profile (CDP Profiler, 100 µs sampling) covers navigation to settle, and the runs are summed per function: self
// time, and inclusive time counted once per sample however deep the recursion.
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { patchRrwebRecord } from '../../recorder/build.mjs';
import { launchChromium } from '../../replayer/browser.js';
import { startBenchServer } from './benchServer.js';
import type { BuiltBundle } from './bundles.js';
import { formPage } from './pages/formPage.js';
import { largePage } from './pages/largePage.js';
import { mutationPage } from './pages/mutationPage.js';
import { benchScripts, recorderTags, type Variant } from './recorderVariants.js';
import { drive, settle, type PageName } from './scenarios.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLING_INTERVAL_US = 100;
const PAGES: Record<string, { path: string; name: PageName; render: typeof largePage }> = {
  large: { path: '/large', name: 'large page', render: largePage },
  form: { path: '/form', name: 'form flow', render: formPage },
  mutation: { path: '/mutation', name: 'mutation-heavy', render: mutationPage },
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function unminified(name: string, options: { entryPoints?: string[]; stdin?: { contents: string; resolveDir: string } }, plugins = [patchRrwebRecord]): Promise<BuiltBundle> {
  const result = await build({ ...options, bundle: true, format: 'iife', target: 'es2019', define: { __DEBUG__: 'false' }, write: false, logLevel: 'error', plugins });
  const source = result.outputFiles[0].text;
  return { name, source, bytes: source.length, gzipBytes: 0 };
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.slice(url.lastIndexOf('/') + 1).split('?')[0] : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function accumulate(profile: CpuProfile, self: Map<string, number>, inclusive: Map<string, number>, lines: Map<number, number>, lineFunction?: string, callers?: Map<string, number>): void {
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== lineFunction) continue;
    for (const { line, ticks } of node.positionTicks || []) lines.set(line, (lines.get(line) || 0) + ticks);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  profile.samples.forEach((id, index) => {
    const ms = profile.timeDeltas[index] / 1000;
    const leaf = byId.get(id)!;
    self.set(frameKey(leaf), (self.get(frameKey(leaf)) || 0) + ms);
    // --callers: whose calls the self time of one (often native) function is spent in.
    if (callers && leaf.callFrame.functionName === lineFunction) {
      const caller = parent.get(id);
      const key = caller === undefined ? '(none)' : frameKey(byId.get(caller)!);
      callers.set(key, (callers.get(key) || 0) + ms);
    }
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = frameKey(byId.get(at)!);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) || 0) + ms);
      seen.add(key);
    }
  });
}

async function profileOnce(browser: Browser, origin: string, variant: Variant, key: string): Promise<CpuProfile> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}${benchPage.path}?${new URLSearchParams({ variant, key })}`, { waitUntil: 'load' });
    await drive(page, benchPage.name);
    await settle(page, variant);
    return (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
  } finally {
    await context.close();
  }
}

function top(title: string, totals: Map<string, number>, runs: number, count: number): string {
  const rows = [...totals].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, count);
  return [`${title} (ms per load, mean of ${runs})`, ...rows.map(([key, ms]) => `${(ms / runs).toFixed(2).padStart(8)}  ${key}`)].join('\n');
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = option('--runs', 5);
const count = option('--top', 30);
const lineFunction = args.includes('--lines') ? args[args.indexOf('--lines') + 1] : args.includes('--callers') ? args[args.indexOf('--callers') + 1] : undefined;
const showCallers = args.includes('--callers');
const benchPage = PAGES[args.includes('--page') ? args[args.indexOf('--page') + 1] : 'large'];
const reprise = await unminified('reprise', { entryPoints: [join(ROOT, 'recorder/scriptTag.ts')] });
const bare = await unminified('bare', { stdin: { contents: "import { record } from '@rrweb/record'; window.rrwebRecord = record;", resolveDir: ROOT } }, []);
const server = await startBenchServer({ pages: { [benchPage.path]: benchPage.render }, scripts: benchScripts(reprise, bare), keepBodies: false }, recorderTags);
const browser = await launchChromium();
try {
  for (const variant of ['bare rrweb', 'reprise'] as const) {
    await profileOnce(browser, server.appOrigin, variant, 'warmup');
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    const lines = new Map<number, number>();
    const callers = showCallers ? new Map<string, number>() : undefined;
    for (let i = 0; i < runs; i++) accumulate(await profileOnce(browser, server.appOrigin, variant, `profile-${i}`), self, inclusive, lines, lineFunction, callers);
    console.log(`\n## ${variant}\n\n${top('self time', self, runs, count)}\n\n${top('inclusive time', inclusive, runs, count)}`);
    if (callers) console.log(`\n${top(`callers of ${lineFunction}`, callers, runs, count)}`);
    else if (lineFunction) {
      const source = (variant === 'reprise' ? reprise : bare).source.split('\n');
      const hottest = [...lines].sort((a, b) => b[1] - a[1]).slice(0, count);
      console.log(`\nticks per line of ${lineFunction}\n${hottest.map(([line, ticks]) => `${String(ticks).padStart(7)}  ${line}: ${source[line - 1]?.trim().slice(0, 110)}`).join('\n')}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
