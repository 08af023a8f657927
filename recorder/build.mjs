// Builds dist/recorder.js (script-tag IIFE) and dist/recorder.esm.js with esbuild. Silent unless it fails.
import { build } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { LEAN_SERIALIZER_IMPORT, LEAN_SERIALIZER_PATCHES } from './rrwebLeanSerializer.mjs';

const recorderDir = dirname(fileURLToPath(import.meta.url));
const root = join(recorderDir, '..');

const CANVAS_START = 'const jsContent = ';
const CANVAS_END = 'class StylesheetManager {';
const CANVAS_STUB = 'class CanvasManager { reset() {} freeze() {} unfreeze() {} lock() {} unlock() {} }\n';

/** Replaces everything from `startMarker` up to (not including) `endMarker` with `replacement`. */
function replaceSpan(source, path, startMarker, endMarker, replacement) {
  const start = source.indexOf(startMarker);
  const end = source.indexOf(endMarker);
  if (start < 0 || end < start) throw rrwebChanged(`"${startMarker}" before "${endMarker}"`, path);
  return source.slice(0, start) + replacement + source.slice(end);
}

/**
 * Reprise records with recordCanvas off, yet @rrweb/record always bundles its canvas manager and an inlined
 * worker (about 3 KB gzip of a 30 KB budget). This swaps them for a stub with the methods rrweb calls.
 */
function stripCanvas(source, path) {
  return replaceSpan(source, path, CANVAS_START, CANVAS_END, CANVAS_STUB);
}

/**
 * Reprise records with recordCrossOriginIframes off (recorder/rrwebOptions.ts), so IframeManager never listens for
 * a child frame's messages; its handler and the id rewriting behind it (about 1 KB minified) are dead code here.
 * The replacement closes the IframeManager class the span ends inside.
 */
function stripCrossOriginIframes(source, path) {
  return replaceSpan(source, path, '  handleMessage(message) {', 'class ShadowDomManager {', '  handleMessage() {}\n}\n');
}

/**
 * rrweb 2.1.6 lists querySelector/querySelectorAll as Element *accessors*, so its "are the DOM prototypes untainted"
 * check always fails and it inserts and removes an iframe on every page load (about 20 ms on a 5,000-node page in
 * bench/recorder). Moving them to the methods list is the upstream fix, rrweb-io/rrweb#1802.
 */
const UNTAINTED_PATCHES = [
  ['Element: ["shadowRoot", "querySelector", "querySelectorAll"],', 'Element: ["shadowRoot"],'],
  ['Element: [],', 'Element: ["querySelector", "querySelectorAll"],'],
  // Custom element names always contain a hyphen: skip the registry lookup for the other 99% of elements.
  ['if (customElements.get(tagName)) isCustomElement = true;', 'if (tagName.includes("-") && customElements.get(tagName)) isCustomElement = true;'],
];

/**
 * Per-node costs of rrweb 2.1.6's full snapshot that change nothing in what it records (issue #8; measured on
 * bench/recorder's large page, ~7,200 nodes). recorder/test/integration/rrwebPatches.test.ts proves that patched and
 * unpatched rrweb serialize the same snapshot and mutations.
 */
const SNAPSHOT_PATCHES = [
  // `delete` of a property that is not the last one added turns every serialized element into a dictionary-mode
  // object: the 453 KB snapshot then takes ~9 ms to JSON.stringify instead of ~2 ms. JSON.stringify leaves out
  // an undefined property exactly as a missing one, and rrweb reads needBlock nowhere else.
  ['delete serializedNode.needBlock;', 'serializedNode.needBlock = void 0;'],
  // Array.from(NodeList) goes through the iterator protocol of a DOM binding: 6-13 ms for the tree against 1-2 ms
  // for an indexed copy. Still a copy, as rrweb needs: the live list must not change under the walk.
  ['function serializeNodeWithId(n, options) {', 'function copyNodeList(list) {\n  const copy = [];\n  for (let i = 0; i < list.length; i++) copy.push(list[i]);\n  return copy;\n}\nfunction serializeNodeWithId(n, options) {'],
  ['for (const childN of Array.from(index.childNodes(n))) {', 'for (const childN of copyNodeList(index.childNodes(n))) {'],
  ['for (const childN of Array.from(index.childNodes(shadowRootEl))) {', 'for (const childN of copyNodeList(index.childNodes(shadowRootEl))) {'],
  // A text node handed needsMask === false by the recursion has just had its parent element checked with the very
  // same classes and selector (needMaskingText tests a text node's parentElement): skip the repeated matches().
  ['  if (!needsMask) {\n    const checkAncestors', '  if (!needsMask && !(needsMask === false && n.nodeType === 3)) {\n    const checkAncestors'],
];

/**
 * Masking that stops at a shadow root leaks what the page asked to hide (rrweb 2.1.6): text in the shadow root of a
 * masked host was recorded in clear when the host had no light-DOM child (needMaskingText returned early), when it
 * changed later (mutations look for a masked ancestor with closest(), which does not leave the shadow tree), and
 * when a text node sits directly under the shadow root (it has no parentElement). recorder/test/integration/
 * shadowMasking.test.ts records each case with published and patched rrweb.
 */
const SHADOW_MASKING_PATCHES = [
  [
    'function needMaskingText(node, maskTextClass, maskTextSelector, checkAncestors) {',
    'function closestAcrossShadow(el, selector) {\n  for (let current = el; current; ) {\n    const hit = current.closest(selector);\n    if (hit) return hit;\n    const root = current.getRootNode();\n    current = root && root.host ? root.host : null;\n  }\n  return null;\n}\nfunction needMaskingText(node, maskTextClass, maskTextSelector, checkAncestors) {',
  ],
  ['if (!index.childNodes(el).length) {', 'if (!index.childNodes(el).length && !index.shadowRoot(el)) {'],
  [
    '} else if (index.parentElement(node) === null) {\n    return false;\n  } else {\n    el = index.parentElement(node);\n  }',
    '} else {\n    el = index.parentElement(node) || (node.parentNode && node.parentNode.host) || null;\n    if (el === null) return false;\n  }',
  ],
  ['if (el.closest(`.${maskTextClass}`)) return true;', 'if (closestAcrossShadow(el, `.${maskTextClass}`)) return true;'],
  ['if (el.closest(maskTextSelector)) return true;', 'if (closestAcrossShadow(el, maskTextSelector)) return true;'],
];

/**
 * rrweb's serializer runs every special case for every node; plain elements and their text take a lean path that
 * serializes the same nodes (recorder/rrwebLeanSerializer.mjs): 8-17 ms less per full snapshot of bench/recorder's
 * large page, 0.71-0.78x of the walk (snapshotCost.ts; bench/recorder/RESULTS.md, session 14). The lean patch goes
 * after SNAPSHOT_PATCHES because it calls their copyNodeList.
 */
const ORDERED_PATCHES = [...UNTAINTED_PATCHES, ...SNAPSHOT_PATCHES, ...LEAN_SERIALIZER_PATCHES, ...SHADOW_MASKING_PATCHES];

function patchRrweb(source, path) {
  let patched = LEAN_SERIALIZER_IMPORT + stripCrossOriginIframes(stripCanvas(source, path), path);
  for (const [from, to] of ORDERED_PATCHES) {
    if (patched.split(from).length !== 2) throw rrwebChanged(`exactly one "${from}"`, path);
    patched = patched.replace(from, to);
  }
  return patched;
}

function rrwebChanged(expected, path) {
  return new Error(
    `Building the recorder: expected ${expected} in ${path} (@rrweb/record 2.1.6), but did not find it. ` +
      'The rrweb version changed: update the markers in recorder/build.mjs or remove the patch.',
  );
}

/** Exported for bench/recorder's profiling build (unminified, same patches). */
export const patchRrwebRecord = {
  name: 'patch-rrweb-record',
  setup(builder) {
    builder.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
      return { contents: patchRrweb(await readFile(args.path, 'utf8'), args.path), loader: 'js' };
    });
  },
};

const shared = {
  bundle: true,
  minify: true,
  target: 'es2019',
  // Debug logging is dead code in production and is removed by minification.
  define: { __DEBUG__: 'false' },
  legalComments: 'none',
  logLevel: 'error',
  absWorkingDir: root,
  plugins: [patchRrwebRecord],
};

/** Writes through a temporary file and a rename, so a server or test reading dist/ never sees half a bundle. */
async function buildAtomically(entry, format, outfile) {
  const result = await build({ ...shared, entryPoints: [join(recorderDir, entry)], format, outfile, write: false });
  await mkdir(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}

export async function buildRecorder() {
  await Promise.all([
    buildAtomically('scriptTag.ts', 'iife', join(root, 'dist/recorder.js')),
    buildAtomically('index.ts', 'esm', join(root, 'dist/recorder.esm.js')),
  ]);
}
