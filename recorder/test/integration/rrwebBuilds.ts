// @rrweb/record bundled twice, as published and with recorder/build.mjs's patches, and a page recording with one of
// them into window.__events: tests that hold the patched build to what published rrweb records (or fails to mask).
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { patchRrwebRecord } from '../../build.mjs';
import { servePages, type PageServer } from './pageServer.js';

const ROOT = join(import.meta.dirname, '../../..');

export type RrwebBuild = 'published' | 'patched';

async function bundle(plugins: Plugin[]): Promise<string> {
  const result = await build({
    stdin: { contents: "import { record } from '@rrweb/record'; window.rrwebRecord = record;", resolveDir: ROOT, loader: 'js' },
    bundle: true, format: 'iife', target: 'es2019', write: false, logLevel: 'error', plugins,
  });
  return result.outputFiles[0].text;
}

export async function buildRrwebBundles(): Promise<Record<RrwebBuild, string>> {
  const [published, patched] = await Promise.all([bundle([]), bundle([patchRrwebRecord])]);
  return { published, patched };
}

/**
 * Serves both builds at /rrweb.js?rrweb=<build>, and `render(build, url)` as the HTML of every other path (404 when it
 * returns undefined or the query names no build).
 */
export async function serveRrwebPages(render: (rrweb: RrwebBuild, url: URL) => string | undefined): Promise<PageServer> {
  const bundles = await buildRrwebBundles();
  return servePages((req, res) => {
    const url = new URL(req.url || '/', 'http://x');
    const rrweb = url.searchParams.get('rrweb') as RrwebBuild;
    if (url.pathname === '/rrweb.js' && bundles[rrweb]) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[rrweb]);
    const html = render(rrweb, url);
    if (html === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
}

/** `options` is an object literal in JS source (the emit function is added here). */
export function recordingPage(title: string, script: string, options: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>${script}</script>
<script>window.__events = []; window.rrwebRecord({ ...${options}, emit: (event) => window.__events.push(event) });</script>
</head><body>${body}</body></html>`;
}
