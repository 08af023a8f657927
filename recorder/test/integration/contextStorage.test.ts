// The 'reprise.context' record carries only the storage keys a project allows, and without an allow list the
// recorder never touches localStorage: a page's first access is a synchronous round trip to the browser (issue #8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../../replayer/browser.js';
import { buildRecorder } from '../../build.mjs';
import { PROJECT_KEY, startCollector, type Collector } from './collector.js';

const DIST = join(import.meta.dirname, '../../../dist');

let browser: Browser;
let collector: Collector;

/** Seeds both storages, counts every read of window.localStorage, then starts the ESM build with `options`. */
function storagePage(options: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test</title>
<script>
  localStorage.setItem('theme', 'dark'); localStorage.setItem('token', 'secret-local');
  sessionStorage.setItem('cart', '3'); sessionStorage.setItem('csrf', 'secret-session');
  const local = localStorage;
  window.__localStorageReads = 0;
  Object.defineProperty(window, 'localStorage', { configurable: true, get() { window.__localStorageReads++; return local; } });
</script>
<script type="module">import * as Reprise from '/recorder.esm.js';
Reprise.init({ projectKey: '${PROJECT_KEY}', endpoint: '${collector.ingestOrigin}', ${options} });
window.Reprise = Reprise;</script></head><body><p>Storage</p></body></html>`;
}

beforeAll(async () => {
  await buildRecorder();
  collector = await startCollector(join(DIST, 'recorder.js'));
  collector.pages.set('/allowed', storagePage(`storageAllowList: ['theme', 'cart', 'missing']`));
  collector.pages.set('/none', storagePage(''));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

/** Records one load of `path` and returns its context record and how often the recorder read window.localStorage. */
async function contextOf(path: string): Promise<{ context: Record<string, unknown>; localStorageReads: number }> {
  const page = await browser.newPage();
  try {
    const esm = readFileSync(join(DIST, 'recorder.esm.js'));
    await page.route('**/recorder.esm.js', (route) => route.fulfill({ body: esm, contentType: 'text/javascript' }));
    await page.goto(`${collector.appOrigin}${path}`);
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    const sessionId = await page.evaluate(async () => {
      await (window as any).Reprise.flush();
      return (window as any).Reprise.getSessionId() as string;
    });
    const localStorageReads = await page.evaluate(() => (window as any).__localStorageReads as number);
    const events = [...collector.stored.values()].filter((batch) => batch.sessionId === sessionId).flatMap((batch) => batch.events);
    const context = events.find((e) => e.type === 5 && e.data.tag === 'reprise.context') as { data: { payload: Record<string, unknown> } } | undefined;
    if (!context) throw new Error(`Expected a reprise.context event in session ${sessionId}, found none.`);
    return { context: context.data.payload, localStorageReads };
  } finally {
    await page.close();
  }
}

describe('recorder | context storage', () => {
  it('records the allowed storage keys only', async () => {
    const { context, localStorageReads } = await contextOf('/allowed');
    expect(context.localStorage).toEqual({ theme: 'dark' });
    expect(context.sessionStorage).toEqual({ cart: '3' });
    expect(JSON.stringify(context)).not.toContain('secret-');
    expect(localStorageReads).toBeGreaterThan(0);
  });

  it('leaves localStorage untouched, and records no storage, without an allow list', async () => {
    const { context, localStorageReads } = await contextOf('/none');
    expect(context).not.toHaveProperty('localStorage');
    expect(context).not.toHaveProperty('sessionStorage');
    expect(context.url).toContain('/none');
    expect(localStorageReads).toBe(0);
  });
});
