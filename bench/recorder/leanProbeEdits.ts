// `npx tsx bench/recorder/leanProbeEdits.ts [--snapshot]` prints the edit that turns recorder/rrwebLeanSerializer.mjs
// off (issue #8, session 14): rrweb's serializer as shipped before it, for an A/B in the same run.
//   PROBE_EDITS="$(npx tsx bench/recorder/leanProbeEdits.ts)" npx tsx bench/recorder/probeLargePage.ts --iterations 21
//   SNAPSHOT_EDITS="$(npx tsx bench/recorder/leanProbeEdits.ts --snapshot)" npx tsx bench/recorder/snapshotCost.ts --rounds 61
// The minified hook's identifiers change with every build that moves code, so they are read from a fresh build
// (probeLargePage.ts rebuilds the same source, so they match).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecorder } from '../../recorder/build.mjs';

const NAME = 'no lean (HEAD)';

if (process.argv.includes('--snapshot')) {
  console.log(JSON.stringify({ [NAME]: [['const lean = leanSerialize(n, options);', 'const lean = LEAN_FALLBACK;']] }));
} else {
  await buildRecorder();
  const bundle = readFileSync(join(import.meta.dirname, '../../dist/recorder.js'), 'utf8');
  // `let r=Ao(e,t);if(r!==pe)return r;`: the first lines of serializeNodeWithId after the lean patch.
  const hooks = [...bundle.matchAll(/let ([\w$]+)=([\w$]+)\(([\w$]+),([\w$]+)\);if\(\1!==([\w$]+)\)return \1;/g)];
  if (hooks.length !== 1) {
    throw new Error(`leanProbeEdits: expected the lean serializer's hook once in dist/recorder.js, found it ${hooks.length} times. Check LEAN_SERIALIZER_PATCHES in recorder/rrwebLeanSerializer.mjs.`);
  }
  const [hook, , leanSerialize, node, options, fallback] = hooks[0];
  console.log(JSON.stringify({ [NAME]: [[hook, hook.replace(`${leanSerialize}(${node},${options})`, fallback)]] }));
}
