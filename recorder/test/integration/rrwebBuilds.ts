// @rrweb/record bundled twice, as published and with recorder/build.mjs's patches, and a page recording with one of
// them into window.__events: tests that hold the patched build to what published rrweb records (or fails to mask).
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { patchRrwebRecord } from '../../build.mjs';

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

/** `options` is an object literal in JS source (the emit function is added here). */
export function recordingPage(title: string, script: string, options: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>${script}</script>
<script>window.__events = []; window.rrwebRecord({ ...${options}, emit: (event) => window.__events.push(event) });</script>
</head><body>${body}</body></html>`;
}
