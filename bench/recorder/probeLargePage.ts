// `npx tsx bench/recorder/probeLargePage.ts [--iterations N] [--page large|form|mutation]`: A/B of Reprise bundle
// variants on one bench page, interleaved in rotating order, against no recorder and bare rrweb in the same run.
// Variants are the current build with one textual change each (edit VARIANT_EDITS to try an idea before making it
// a real option or patch) or other builds of the recorder (PROBE_BUNDLES, e.g. one built from an earlier commit);
// medians of CDP TaskDuration and ScriptDuration, and of the layout and style recalc time and counts that make up
// most of the rest (the non-script part of the large page's cost, issue #8).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { LOADER_SNIPPET } from '../../protocol/loaderSnippet.js';
import { launchChromium } from '../../replayer/browser.js';
import { median } from '../lib/measure.js';
import { startBenchServer } from './benchServer.js';
import { buildBareRrweb, buildReprise } from './bundles.js';
import { formPage } from './pages/formPage.js';
import { largePage } from './pages/largePage.js';
import { mutationPage } from './pages/mutationPage.js';
import { drive, settle, type PageName } from './scenarios.js';

/** name -> [search, replace] applied to the minified dist/recorder.js; each search must occur exactly once. */
const VARIANT_EDITS: Record<string, [string, string][]> = JSON.parse(process.env.PROBE_EDITS || '{}');
/** name -> path of another script-tag bundle of the recorder. */
const VARIANT_BUNDLES: Record<string, string> = JSON.parse(process.env.PROBE_BUNDLES || '{}');
/**
 * Reprise variants measured a second time with their tag in <head> without `defer`, so the script runs before <body>
 * exists (the lean serializer then skips scroll reads of unscrolled elements, issue #8), e.g. '["reprise"]'.
 */
const SYNC_TAG_VARIANTS: string[] = JSON.parse(process.env.PROBE_SYNC_TAGS || '[]');
const SYNC_TAG = ' (sync tag)';
/** Reprise variants measured a second time with the deferred tag alone, without the inline loader, e.g. '["reprise"]'. */
const NO_LOADER_VARIANTS: string[] = JSON.parse(process.env.PROBE_NO_LOADER || '[]');
const NO_LOADER = ' (no loader)';

const PAGES: Record<string, { path: string; name: PageName; render: typeof largePage }> = {
  large: { path: '/large', name: 'large page', render: largePage },
  form: { path: '/form', name: 'form flow', render: formPage },
  mutation: { path: '/mutation', name: 'mutation-heavy', render: mutationPage },
};

const args = process.argv.slice(2);
const iterations = args.includes('--iterations') ? Number(args[args.indexOf('--iterations') + 1]) : 9;
const page = PAGES[args.includes('--page') ? args[args.indexOf('--page') + 1] : 'large'];

const reprise = await buildReprise();
const bare = await buildBareRrweb();
const scripts: Record<string, string> = {
  '/rrweb-record.js': bare.source,
  '/rrweb-start.js': 'window.__rrwebEvents = []; window.rrwebRecord({ emit: function (event) { window.__rrwebEvents.push(event); } });',
  '/reprise.js': reprise.source,
};
for (const [name, edits] of Object.entries(VARIANT_EDITS)) {
  let source = reprise.source;
  for (const [from, to] of edits) {
    if (source.split(from).length !== 2) throw new Error(`probe: variant ${name} expects exactly one "${from}" in dist/recorder.js`);
    source = source.replace(from, to);
  }
  scripts[`/${encodeURIComponent(name)}.js`] = source;
}
for (const [name, path] of Object.entries(VARIANT_BUNDLES)) scripts[`/${encodeURIComponent(name)}.js`] = readFileSync(path, 'utf8');
const variants = ['no recorder', 'bare rrweb', ...Object.keys(VARIANT_BUNDLES), 'reprise', ...Object.keys(VARIANT_EDITS)];
for (const name of SYNC_TAG_VARIANTS) {
  if (!variants.includes(name) || name === 'no recorder' || name === 'bare rrweb') {
    throw new Error(`probe: PROBE_SYNC_TAGS names "${name}", which is not a Reprise variant of this run (${variants.join(', ')}).`);
  }
  variants.push(name + SYNC_TAG);
}
for (const name of NO_LOADER_VARIANTS) {
  if (!variants.includes(name) || name === 'no recorder' || name === 'bare rrweb') {
    throw new Error(`probe: PROBE_NO_LOADER names "${name}", which is not a Reprise variant of this run (${variants.join(', ')}).`);
  }
  variants.push(name + NO_LOADER);
}

function tags(variant: string, query: URLSearchParams, ingest: string): string {
  if (variant === 'no recorder' || variant === 'none') return '';
  if (variant === 'bare rrweb') return `<script src="${ingest}/rrweb-record.js" defer></script><script src="${ingest}/rrweb-start.js" defer></script>`;
  const sync = variant.endsWith(SYNC_TAG);
  const noLoader = variant.endsWith(NO_LOADER);
  const script = encodeURIComponent(sync ? variant.slice(0, -SYNC_TAG.length) : noLoader ? variant.slice(0, -NO_LOADER.length) : variant);
  const tag = `<script src="${ingest}/${script}.js" data-project="${query.get('key')}" data-endpoint="${ingest}"${sync ? '' : ' defer'}></script>`;
  // The documented install (protocol/recorderInstall.ts): the inline loader first, in <head>.
  return sync || noLoader ? tag : `<script>${LOADER_SNIPPET}</script>${tag}`;
}

/**
 * TaskDuration and ScriptDuration, then the non-script parts CDP names: layout, style recalc, and their counts; then
 * task minus script per sample, and the rest of the task time CDP attributes (compile, DevTools commands, "other").
 */
type Sample = [
  task: number, script: number, layout: number, style: number, layoutCount: number, styleCount: number,
  taskMinusScript: number, compile: number, devtools: number, taskOther: number, ingestRequests: number,
  settleMs: number,
];

async function sample(browser: Browser, origin: string, variant: string, key: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await tab.goto(`${origin}${page.path}?${new URLSearchParams({ variant, key })}`, { waitUntil: 'load' });
    await drive(tab, page.name);
    const settleStart = performance.now();
    await settle(tab, variant === 'no recorder' || variant === 'bare rrweb' ? variant : 'reprise');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)!.value;
    const ms = (name: string) => value(name) * 1000;
    const optionalMs = (name: string) => (metrics.some((m) => m.name === name) ? ms(name) : Number.NaN);
    return [
      ms('TaskDuration'), ms('ScriptDuration'), ms('LayoutDuration'), ms('RecalcStyleDuration'), value('LayoutCount'), value('RecalcStyleCount'),
      ms('TaskDuration') - ms('ScriptDuration'), optionalMs('V8CompileDuration'), optionalMs('DevToolsCommandDuration'), optionalMs('TaskOtherDuration'),
      // A variant that stops delivering would look cheap: the ingest requests it made tell it apart.
      server.tally(key).requests,
      // How long the page lives after its scenario: idle-time work (GC among it) grows with it, whoever causes it.
      performance.now() - settleStart,
    ];
  } finally {
    await context.close();
  }
}

const server = await startBenchServer({ pages: { [page.path]: page.render }, scripts, keepBodies: false }, tags);
const browser = await launchChromium();
const loadBefore = loadavg()[0];
try {
  const samples = new Map<string, Sample[]>(variants.map((v) => [v, []]));
  for (const variant of variants) await sample(browser, server.appOrigin, variant, 'warmup');
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < variants.length; j++) {
      const variant = variants[(i + j) % variants.length];
      samples.get(variant)!.push(await sample(browser, server.appOrigin, variant, `probe-${i}-${j}`));
    }
  }
  // PROBE_RAW=file keeps every sample, e.g. to see whether a variant's time is bimodal (a GC in some loads only).
  if (process.env.PROBE_RAW) writeFileSync(process.env.PROBE_RAW, JSON.stringify(Object.fromEntries(samples)));
  const column = (v: string, index: number) => median(samples.get(v)!.map((s) => s[index]));
  const task = (v: string) => column(v, 0);
  console.log(`${page.name}, ${iterations} interleaved samples each, ${cpus().length} cores, load ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
  console.log('| variant | TaskDuration | vs no recorder | vs bare rrweb | ScriptDuration | LayoutDuration | RecalcStyleDuration | layouts | style recalcs | Task-Script | V8Compile | DevToolsCommand | TaskOther | ingest requests | settle wall |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const v of variants) {
    const ratios = `${(task(v) / task('no recorder')).toFixed(2)}x | ${(task(v) / task('bare rrweb')).toFixed(2)}x`;
    const parts = [1, 2, 3].map((index) => `${column(v, index).toFixed(1)} ms`).join(' | ');
    const rest = [6, 7, 8, 9].map((index) => `${column(v, index).toFixed(1)} ms`).join(' | ');
    console.log(`| ${v} | ${task(v).toFixed(1)} ms | ${ratios} | ${parts} | ${column(v, 4)} | ${column(v, 5)} | ${rest} | ${column(v, 10)} | ${column(v, 11).toFixed(0)} ms |`);
  }
  // Samples of one rotation ran back to back, so load swings hit both sides of a pair: the median of paired
  // differences is steadier than the difference of medians.
  const printPaired = (reference: string) => {
    const paired = (v: string, index: number) => samples.get(v)!.map((s, i) => s[index] - samples.get(reference)![i][index]);
    console.log(`\n| variant | Task - ${reference} (paired median) | Script - ${reference} | Task-Script - ${reference} | rotations below ${reference} |`);
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const v of variants.filter((name) => name !== reference)) {
      const below = paired(v, 0).filter((d) => d < 0).length;
      const columns = [0, 1, 6].map((index) => `${median(paired(v, index)).toFixed(1)} ms`).join(' | ');
      console.log(`| ${v} | ${columns} | ${below}/${iterations} |`);
    }
  };
  printPaired('reprise');
  // The sync-tag variants pair best with each other: both start before <body> exists.
  if (variants.includes(`reprise${SYNC_TAG}`)) printPaired(`reprise${SYNC_TAG}`);
} finally {
  await browser.close();
  await server.close();
}
