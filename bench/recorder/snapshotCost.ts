// `npx tsx bench/recorder/snapshotCost.ts [--rounds N] [--page large|form|mutation]`: the cost of rrweb's full
// snapshot alone, Reprise's patched build against variants of it (issue #8). Page-level CDP metrics move by ±20 ms
// between loads on a shared machine; this runs every build's record() + stop() in turn inside ONE loaded page
// (layout already clean, so only the walk, the mirror and JSON.stringify are timed), many rounds, and compares
// medians. Variants are extra textual edits of the patched rrweb source: SNAPSHOT_EDITS='{"name": [[from, to]]}'.
// Every variant's snapshot must serialize to the same JSON as the patched build's, or the run fails.
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { patchRrwebRecord } from '../../recorder/build.mjs';
import { launchChromium } from '../../replayer/browser.js';
import { startBenchServer } from './benchServer.js';
import { formPage } from './pages/formPage.js';
import { largePage } from './pages/largePage.js';
import { mutationPage } from './pages/mutationPage.js';

const ROOT = join(import.meta.dirname, '../..');
const EDITS: Record<string, [string, string][]> = JSON.parse(process.env.SNAPSHOT_EDITS || '{}');
const PAGES: Record<string, { path: string; render: typeof largePage }> = {
  large: { path: '/large', render: largePage },
  form: { path: '/form', render: formPage },
  mutation: { path: '/mutation', render: mutationPage },
};

/** Reprise's rrweb options (recorder/rrwebOptions.ts) as JS source; emit serializes as Reprise's EventBuffer does. */
const REPRISE_OPTIONS = `{ blockClass: 'reprise-block', blockSelector: '[data-reprise-block]', maskTextClass: 'reprise-mask',
  maskTextSelector: '[data-reprise-mask]', maskInputOptions: { password: true, text: true, email: true },
  maskInputFn: (text) => text, slimDOMOptions: { script: true, comment: true, headFavicon: true, headWhitespace: true,
  headMetaSocial: true, headMetaRobots: true, headMetaHttpEquiv: true, headMetaAuthorship: true,
  headMetaVerification: true, headMetaDescKeywords: true }, sampling: { mousemove: false, scroll: 150, input: 'last' },
  userTriggeredOnInput: true, recordAfter: 'DOMContentLoaded' }`;

/** esbuild's onLoad of recorder/build.mjs's plugin, then this variant's edits on top. */
function patchedWith(edits: [string, string][], name: string): Plugin {
  return {
    name: `snapshot-variant-${name}`,
    setup(builder) {
      builder.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
        let onLoad: ((args: { path: string }) => Promise<{ contents: string }>) | undefined;
        patchRrwebRecord.setup({ onLoad: (_options: unknown, callback: typeof onLoad) => (onLoad = callback) } as never);
        let contents = onLoad ? (await onLoad(args)).contents : await readFile(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (contents.split(from).length !== 2) throw new Error(`snapshotCost: variant ${name} expects exactly one "${from}" in patched rrweb`);
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

async function bundle(name: string, edits: [string, string][]): Promise<string> {
  const result = await build({
    stdin: { contents: `import { record } from '@rrweb/record'; window.__builds[${JSON.stringify(name)}] = record;`, resolveDir: ROOT, loader: 'js' },
    bundle: true, minify: true, format: 'iife', target: 'es2019', write: false, logLevel: 'error', plugins: [patchedWith(edits, name)],
  });
  return result.outputFiles[0].text;
}

const args = process.argv.slice(2);
const option = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const rounds = Number(option('--rounds', '25'));
const page = PAGES[option('--page', 'large')];
const names = ['patched', ...Object.keys(EDITS)];
const sources = await Promise.all(names.map((name) => bundle(name, EDITS[name] || [])));
const scripts = { '/builds.js': `window.__builds = {};\n${sources.join('\n')}` };
const server = await startBenchServer({ pages: { [page.path]: page.render }, scripts, keepBodies: false }, (_v, _q, ingest) => `<script src="${ingest}/builds.js"></script>`);
const browser = await launchChromium();
const loadBefore = loadavg()[0];
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await tab.goto(`${server.appOrigin}${page.path}`, { waitUntil: 'load' });
  const result = (await tab.evaluate(`(async () => {
    const names = ${JSON.stringify(names)};
    const times = Object.fromEntries(names.map((n) => [n, []]));
    const snapshots = {};
    const once = (name) => {
      let json = '';
      window.__builds[name].mirror.reset(); // a first snapshot, as on page load: no node known yet
      const start = performance.now();
      const stop = window.__builds[name]({ ...${REPRISE_OPTIONS}, emit: (event) => { const text = JSON.stringify(event); if (event.type === 2) json = text; } });
      const ms = performance.now() - start;
      stop();
      return [ms, json.replace(/"timestamp":\\d+/, '')];
    };
    for (const name of names) snapshots[name] = once(name)[1];
    for (let round = 0; round < ${rounds}; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length];
        times[name].push(once(name)[0]);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    const same = Object.fromEntries(names.map((n) => [n, snapshots[n] === snapshots.patched]));
    return { times, same, bytes: snapshots.patched.length };
  })()`)) as { times: Record<string, number[]>; same: Record<string, boolean>; bytes: number };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const base = median(result.times.patched);
  console.log(`${page.path}: record() + full snapshot + JSON.stringify in one page, ${rounds} interleaved rounds, snapshot ${result.bytes} chars, ${cpus().length} cores, load ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
  console.log('| build | median | vs patched | same snapshot |\n| --- | ---: | ---: | --- |');
  for (const name of names) {
    const ms = median(result.times[name]);
    console.log(`| ${name} | ${ms.toFixed(2)} ms | ${(ms / base).toFixed(2)}x | ${result.same[name] ? 'yes' : 'NO'} |`);
  }
  if (Object.values(result.same).includes(false)) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
