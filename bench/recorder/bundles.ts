// Builds both recorders in the run: Reprise's dist/recorder.js, and bare @rrweb/record bundled the same way
// (esbuild, minified IIFE, es2019) and exposed as window.rrwebRecord.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRecorder } from '../../recorder/build.mjs';

const ROOT = join(import.meta.dirname, '../..');

export interface BuiltBundle {
  name: string;
  source: string;
  bytes: number;
  gzipBytes: number;
}

function describe(name: string, source: string): BuiltBundle {
  return { name, source, bytes: Buffer.byteLength(source), gzipBytes: gzipSync(source, { level: 9 }).length };
}

export async function buildBareRrweb(): Promise<BuiltBundle> {
  const result = await build({
    stdin: { contents: "import { record } from '@rrweb/record'; window.rrwebRecord = record;", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
    logLevel: 'error',
    write: false,
  });
  return describe('bare @rrweb/record', result.outputFiles[0].text);
}

export async function buildReprise(): Promise<BuiltBundle> {
  await buildRecorder();
  return describe('reprise dist/recorder.js', readFileSync(join(ROOT, 'dist/recorder.js'), 'utf8'));
}
