// The patched snapshot reads scroll offsets and the selection only where they may have changed (recorder/
// pageWitness.ts, issue #8): when the inline loader ran in <head> before the body existed, a light-DOM element of the
// top document is read only if a 'scroll' event reached it, the viewport only if it scrolled, the selection only if
// it changed. These tests record in real Chromium with rrweb as published and with the patched build, and require the
// same result once the recording is replayed: the snapshot's rr_scrollLeft/rr_scrollTop (and initialOffset), then
// every incremental scroll or selection event applied in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LOADER_SNIPPET } from '../../../protocol/loaderSnippet.js';
import { launchChromium } from '../../../replayer/browser.js';
import { serveRrwebPages, type RrwebBuild } from './rrwebBuilds.js';
import type { PageServer } from './pageServer.js';

const SCROLLER = (id: string, label: string) =>
  `<div id="${id}" style="width: 50px; height: 50px; overflow: auto"><div style="width: 400px; height: 400px">${label}</div></div>`;

/** The app's own scroll listeners say when each element's 'scroll' event has fired: before the snapshot, here. */
const BODY = `
${SCROLLER('loaded', 'scrolled during load')}
${SCROLLER('untouched', 'scrolled later')}
<div id="host"></div>
<iframe id="frame" src="/frame"></iframe>
<script>
  const watch = (element, name) => element.addEventListener('scroll', () => window.__scrollEvents.add(name));
  const loaded = document.getElementById('loaded');
  watch(loaded, 'loaded');
  loaded.scrollLeft = 30;
  loaded.scrollTop = 40;
  // Under a <section> that is itself under the shadow root: the lean path serializes #inner, not rrweb's.
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<section>${SCROLLER('inner', 'shadow content')}</section>';
  watch(shadow.getElementById('inner'), 'shadow');
  shadow.getElementById('inner').scrollLeft = 15;
  shadow.getElementById('inner').scrollTop = 25;
</script>`;

const FRAME = `<!doctype html><html><head></head><body><main>${SCROLLER('framed', 'frame content')}</main>
<script>
  const framed = document.getElementById('framed');
  framed.addEventListener('scroll', () => parent.__scrollEvents.add('iframe'));
  framed.scrollLeft = 5;
  framed.scrollTop = 35;
</script></body></html>`;

/**
 * `loader`: the inline loader in <head>, the recorder's script after it (the documented install); `late`: no loader,
 * the script injected after load; `late loader`: the loader and the script both injected after load, when the page's
 * scrolls have happened unheard (the loader must know it came too late, and everything is read).
 */
type Install = 'loader' | 'late' | 'late loader';

function page(rrweb: RrwebBuild, install: Install): string {
  const head = install === 'loader' ? `<script>${LOADER_SNIPPET}</script><script src="/rrweb.js?rrweb=${rrweb}"></script>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Scroll</title>
<script>window.__scrollEvents = new Set();</script>${head}</head><body>${BODY}</body></html>`;
}

let browser: Browser;
let server: PageServer;
let origin: string;

beforeAll(async () => {
  server = await serveRrwebPages((rrweb, url) => {
    if (url.pathname === '/frame') return FRAME;
    return rrweb ? page(rrweb, url.searchParams.get('install') as Install) : undefined;
  });
  origin = server.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface SerializedNode { id: number; attributes?: Record<string, unknown>; childNodes?: SerializedNode[] }
interface RecordedEvent { type: number; data: { source?: number; id?: number; x?: number; y?: number; node?: SerializedNode; adds?: { node: SerializedNode }[] } }

interface Recording {
  /** The serialized nodes: the full snapshot, and the iframe's document rrweb adds once it is attached. */
  serialized: string;
  events: RecordedEvent[];
  /** Mirror ids of the scrolled elements. */
  ids: Record<string, number>;
}

const ELEMENTS = {
  loaded: "document.getElementById('loaded')",
  untouched: "document.getElementById('untouched')",
  shadow: "document.getElementById('host').shadowRoot.getElementById('inner')",
  iframe: "document.getElementById('frame').contentDocument.getElementById('framed')",
};

/**
 * Loads the page, waits until the load-time scrolls have fired their events, runs `beforeRecord` and record() in
 * one task (the case of a scroll whose event comes after the snapshot), then waits for the iframe's document.
 */
async function record(rrweb: RrwebBuild, install: Install, beforeRecord = ''): Promise<Recording> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/?${new URLSearchParams({ rrweb, install })}`, { waitUntil: 'load' });
    await tab.waitForFunction("['loaded', 'shadow', 'iframe'].every((name) => window.__scrollEvents.has(name))");
    if (install === 'late loader') await tab.addScriptTag({ content: LOADER_SNIPPET });
    if (install !== 'loader') await tab.addScriptTag({ url: `/rrweb.js?rrweb=${rrweb}` });
    await tab.evaluate(`(() => {
      ${beforeRecord}
      window.__events = [];
      window.rrwebRecord({ emit: (event) => window.__events.push(event) });
    })()`);
    await tab.waitForFunction("window.__events.some((event) => JSON.stringify(event).includes('frame content'))");
    // rrweb's capture listener on the document runs before the app's listener on the element.
    if (beforeRecord) await tab.waitForFunction("window.__scrollEvents.has('untouched')");
    return await collect(tab);
  } finally {
    await tab.close();
  }
}

async function collect(tab: Page): Promise<Recording> {
  const ids = (await tab.evaluate(
    `({ ${Object.entries(ELEMENTS).map(([name, element]) => `${name}: window.rrwebRecord.mirror.getId(${element})`).join(', ')} })`,
  )) as Record<string, number>;
  const events = (await tab.evaluate('window.__events.map(({ timestamp, ...rest }) => rest)')) as RecordedEvent[];
  const serializedNodes = events.filter((event) => event.type === 2 || (event.type === 3 && event.data.source === 0 && event.data.adds?.length));
  return { serialized: JSON.stringify(serializedNodes).split(/rrweb=\w+/).join('rrweb=X'), events, ids };
}

function findNode(node: SerializedNode | undefined, id: number): SerializedNode | undefined {
  if (!node) return undefined;
  if (node.id === id) return node;
  for (const child of node.childNodes ?? []) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

/** Where a replay of the recording puts element `id`: its serialized offsets, then each scroll event in order. */
function replayedOffset(events: RecordedEvent[], id: number, withScrollEvents = true): { x: number; y: number } {
  const roots = events.flatMap((event) => [event.data.node, ...(event.data.adds ?? []).map((add) => add.node)]);
  const node = roots.map((root) => findNode(root, id)).find(Boolean);
  if (!node) throw new Error(`element ${id} is in no serialized node of the recording`);
  let offset = { x: Number(node.attributes?.rr_scrollLeft ?? 0), y: Number(node.attributes?.rr_scrollTop ?? 0) };
  for (const event of events) {
    if (withScrollEvents && event.type === 3 && event.data.source === 3 && event.data.id === id) offset = { x: event.data.x!, y: event.data.y! };
  }
  return offset;
}

/** Each install records the element the app scrolled during load with rrweb's offsets and rrweb's whole snapshot. */
const SAME_AS_RRWEB: [Install, string][] = [
  ['loader', 'records an element the app scrolled during page load with the offsets rrweb records'],
  ['late', 'reads every element as rrweb does when the recorder is injected after the body exists'],
  ['late loader', 'reads every element as rrweb does when the loader itself came after the page could scroll unheard'],
];

describe('recorder | snapshot reads where the loader heard a change', () => {
  for (const [install, title] of SAME_AS_RRWEB) {
    it(title, async () => {
      const published = await record('published', install);
      const patched = await record('patched', install);
      expect(replayedOffset(patched.events, patched.ids.loaded, false)).toEqual({ x: 30, y: 40 });
      expect(patched.serialized).toBe(published.serialized);
    });
  }

  it('ends at the right offset when an element scrolls in the task that starts recording', async () => {
    const scroll = `const untouched = document.getElementById('untouched');
      untouched.addEventListener('scroll', () => window.__scrollEvents.add('untouched'));
      untouched.scrollLeft = 20;
      untouched.scrollTop = 60;`;
    const published = await record('published', 'loader', scroll);
    const patched = await record('patched', 'loader', scroll);
    expect(replayedOffset(published.events, published.ids.untouched)).toEqual({ x: 20, y: 60 });
    expect(replayedOffset(patched.events, patched.ids.untouched)).toEqual({ x: 20, y: 60 });
    // The patched snapshot did skip the read (the path under test ran): the scroll event supplied the offsets.
    expect(replayedOffset(patched.events, patched.ids.untouched, false)).toEqual({ x: 0, y: 0 });
  });

  it('reads elements in a shadow root and in a same-origin iframe, whose scroll events never reach the document', async () => {
    const published = await record('published', 'loader');
    const patched = await record('patched', 'loader');
    expect(replayedOffset(patched.events, patched.ids.shadow, false)).toEqual({ x: 15, y: 25 });
    expect(replayedOffset(patched.events, patched.ids.iframe, false)).toEqual({ x: 5, y: 35 });
    expect(patched.serialized).toBe(published.serialized);
  });
});
