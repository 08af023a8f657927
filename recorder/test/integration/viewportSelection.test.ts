// The patched snapshot reads the window's scroll offset (initialOffset, and <html>'s rr_scrollTop) and the document's
// selection only when the inline loader heard them change (recorder/pageWitness.ts, issue #8). Recorded in real
// Chromium with rrweb as published and with the patched build: the viewport offset a replay ends at, and the last
// selection recorded, must be the same, whether the change came during page load or in the task that starts
// recording (its event then arrives after the snapshot).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LOADER_SNIPPET } from '../../../protocol/loaderSnippet.js';
import { launchChromium } from '../../../replayer/browser.js';
import { serveRrwebPages, type RrwebBuild } from './rrwebBuilds.js';
import type { PageServer } from './pageServer.js';

const SELECT_WORDS = `const text = document.getElementById('words').firstChild;
  const range = document.createRange();
  range.setStart(text, 4);
  range.setEnd(text, 9);
  getSelection().addRange(range);`;

/** `?during=load`: the page scrolls the viewport and selects words while it loads. */
function page(rrweb: RrwebBuild, duringLoad: boolean): string {
  const load = duringLoad ? `<script>window.scrollTo(0, 700); ${SELECT_WORDS}</script>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Viewport</title>
<script>${LOADER_SNIPPET}</script><script src="/rrweb.js?rrweb=${rrweb}"></script></head>
<body><p id="words">Some words to select</p><div style="height: 3000px">tall</div>${load}</body></html>`;
}

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await serveRrwebPages((rrweb, url) => (rrweb ? page(rrweb, url.searchParams.get('during') === 'load') : undefined));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface RecordedEvent {
  type: number;
  data: { source?: number; id?: number; x?: number; y?: number; ranges?: unknown[]; initialOffset?: { left: number; top: number }; node?: { id: number } };
}

interface Outcome {
  /** The full snapshot's initialOffset. */
  initialOffset: { left: number; top: number };
  /** Where a replay leaves the viewport: initialOffset, then the document's scroll events in order. */
  viewport: { x: number; y: number };
  /** The ranges of the last selection event, if any. */
  selection: unknown[] | undefined;
}

async function record(rrweb: RrwebBuild, during: 'load' | 'record task'): Promise<Outcome> {
  const tab = await browser.newPage({ viewport: { width: 800, height: 600 } });
  try {
    await tab.goto(`${server.origin}/?${new URLSearchParams({ rrweb, during: during === 'load' ? 'load' : '' })}`, { waitUntil: 'load' });
    // The load-time changes have fired their events (rendering ran) before recording starts.
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await tab.evaluate(`(() => {
      ${during === 'record task' ? `window.scrollTo(0, 700); ${SELECT_WORDS}` : ''}
      window.__events = [];
      window.rrwebRecord({ emit: (event) => window.__events.push(event) });
    })()`);
    // A change made in the recording task reaches rrweb's observers with the next rendering and task.
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const events = (await tab.evaluate('window.__events')) as RecordedEvent[];
    const full = events.find((event) => event.type === 2)!;
    const documentId = full.data.node!.id;
    let viewport = { x: full.data.initialOffset!.left, y: full.data.initialOffset!.top };
    for (const event of events) {
      if (event.type === 3 && event.data.source === 3 && event.data.id === documentId) viewport = { x: event.data.x!, y: event.data.y! };
    }
    const selections = events.filter((event) => event.type === 3 && event.data.source === 14);
    return { initialOffset: full.data.initialOffset!, viewport, selection: selections.at(-1)?.data.ranges };
  } finally {
    await tab.close();
  }
}

describe('recorder | viewport offset and selection read where the loader heard a change', () => {
  it('records a viewport scrolled and words selected during page load as rrweb does', async () => {
    const published = await record('published', 'load');
    const patched = await record('patched', 'load');
    expect(published.initialOffset).toEqual({ left: 0, top: 700 });
    expect(patched.initialOffset).toEqual(published.initialOffset);
    expect(published.selection).toHaveLength(1);
    expect(patched.selection).toEqual(published.selection);
  });

  it('ends at the same viewport offset and selection when both change in the task that starts recording', async () => {
    const published = await record('published', 'record task');
    const patched = await record('patched', 'record task');
    expect(published.viewport).toEqual({ x: 0, y: 700 });
    expect(patched.viewport).toEqual({ x: 0, y: 700 });
    // The patched snapshot did skip the read (the path under test ran): the scroll event supplied the offset.
    expect(patched.initialOffset).toEqual({ left: 0, top: 0 });
    expect(published.selection).toHaveLength(1);
    expect(patched.selection).toEqual(published.selection);
  });
});
