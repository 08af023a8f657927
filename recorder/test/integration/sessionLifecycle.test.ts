import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../../replayer/browser.js';
import { buildRecorder } from '../../build.mjs';
import { PROJECT_KEY, startCollector, type Collector } from './collector.js';

const DIST = join(import.meta.dirname, '../../../dist');
const IDLE_TIMEOUT_MS = 2_000;
const BODY = '<button id="go">Go</button>';

let browser: Browser;
let collector: Collector;

/** The ESM build, served from the app origin by routing, so the test can pass options the script tag does not take. */
function modulePage(options: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test</title>
<script type="module">import * as Reprise from '/recorder.esm.js';
Reprise.init({ projectKey: '${PROJECT_KEY}', endpoint: '${collector.ingestOrigin}', ${options} });
window.Reprise = Reprise;</script></head><body>${BODY}</body></html>`;
}

/** Each sampling page has its own project key, so a late beacon from another test cannot be counted against it. */
function scriptTagPage(sampleRate: string, projectKey: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test</title>
<script src="${collector.ingestOrigin}/recorder.js" data-project="${projectKey}" data-sample-rate="${sampleRate}" defer></script>
</head><body>${BODY}</body></html>`;
}

beforeAll(async () => {
  await buildRecorder();
  collector = await startCollector(join(DIST, 'recorder.js'));
  collector.pages.set('/idle', modulePage(`idleTimeoutMs: ${IDLE_TIMEOUT_MS}`));
  collector.pages.set('/never', scriptTagPage('0', 'never-key'));
  collector.pages.set('/half', scriptTagPage('0.5', 'half-key'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

async function openPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const esm = readFileSync(join(DIST, 'recorder.esm.js'));
  await page.route('**/recorder.esm.js', (route) => route.fulfill({ body: esm, contentType: 'text/javascript' }));
  await page.goto(`${collector.appOrigin}${path}`);
  await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
  return page;
}

const flush = (page: Page) => page.evaluate(() => (window as any).Reprise.flush());
const sessionIdOf = (page: Page) => page.evaluate(() => (window as any).Reprise.getSessionId() as string | undefined);
const requestsWithKey = (key: string) => collector.keys.filter((sent) => sent === key).length;
const batchesOf = (sessionId: string) =>
  [...collector.stored.values()].filter((batch) => batch.sessionId === sessionId).sort((a, b) => a.seq - b.seq);

describe('recorder | session lifecycle', () => {
  it('starts a new session, from seq 0 with a full snapshot and context, on the first action after the idle timeout', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, '/idle');
    await page.click('#go');
    await flush(page);
    // Read after the first click: on a slow machine that click may itself come after the timeout and roll over.
    const first = await sessionIdOf(page);
    await page.waitForTimeout(IDLE_TIMEOUT_MS + 500);
    await page.click('#go');
    await flush(page);
    const second = await sessionIdOf(page);
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const clicksIn = (sessionId: string) =>
      batchesOf(sessionId).flatMap((b) => b.events).filter((e) => e.type === 5 && e.data.tag === 'reprise.action' && e.data.payload.type === 'click');
    expect(clicksIn(first!)).toHaveLength(1);
    expect(clicksIn(second!)).toHaveLength(1);
    const rolledOver = batchesOf(second!);
    expect(rolledOver[0].seq).toBe(0);
    const events = rolledOver.flatMap((b) => b.events);
    expect(events.some((e) => e.type === 2)).toBe(true);
    expect(events.some((e) => e.type === 5 && e.data.tag === 'reprise.context')).toBe(true);
    await context.close();
  });

  it('sends nothing at all with sample rate 0', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, '/never');
    expect(await sessionIdOf(page)).toBeUndefined();
    await page.click('#go');
    await flush(page);
    await page.close(); // pagehide would beacon anything pending
    await context.close();
    expect(requestsWithKey('never-key')).toBe(0);
  });

  it('keeps a sampled-out decision across a reload, even when a new draw would sample the session in', async () => {
    const context = await browser.newContext();
    // The first load draws 0.99 (out at rate 0.5); every later load would draw 0 (in) if the recorder drew again.
    await context.addInitScript(() => {
      const firstLoad = !sessionStorage.getItem('drawn');
      sessionStorage.setItem('drawn', '1');
      Math.random = () => (firstLoad ? 0.99 : 0);
    });
    const page = await openPage(context, '/half');
    expect(await sessionIdOf(page)).toBeUndefined();
    await page.reload();
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    expect(await page.evaluate(() => Math.random())).toBe(0);
    expect(await sessionIdOf(page)).toBeUndefined();
    await page.click('#go');
    await flush(page);
    await context.close();
    expect(requestsWithKey('half-key')).toBe(0);

    // Control: the same rate in a fresh tab that draws 0 is recorded, so the assertions above can fail.
    const control = await browser.newContext();
    await control.addInitScript(() => {
      Math.random = () => 0;
    });
    const recorded = await openPage(control, '/half');
    expect(await sessionIdOf(recorded)).toBeTruthy();
    await flush(recorded);
    expect(requestsWithKey('half-key')).toBeGreaterThan(0);
    await control.close();
  });
});
