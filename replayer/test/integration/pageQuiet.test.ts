import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../browser.js';
import { pageInitScript } from '../../pageInitScript.js';

interface QuietResult {
  quietAfterMs: number;
  settled: boolean;
  reading?: { text: string };
}

// The page's own quiet check (pageInitScript's __repriseQuiet) waits for the app's fetch and XHR calls, body reads
// included, without asking Node: the gaps it closes are the ones Node hears of late.
describe('replayer | the page says when it is quiet', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let closedPort: number;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/api/slow') {
        setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('[1,2,3]'), 300);
        return;
      }
      if (request.url === '/api/slow-body') {
        // Headers at once, the body 300 ms later: the app's `await response.json()` is still waiting.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.flushHeaders();
        setTimeout(() => response.end('{"ok":true}'), 300);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Quiet</title><p id="out">none</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A port nothing listens on: a fetch to it fails at once.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addInitScript(pageInitScript({ seed: 's', clockOffsetMs: 0 }));
    page = await context.newPage();
    await page.goto(`${origin}/`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Starts the app's work and asks for a 20 ms quiet window in the same task, as a step's first look does. */
  function quietAfter(work: string): Promise<QuietResult & { elapsedMs: number }> {
    return page.evaluate(async (source) => {
      const started = performance.now();
      new Function(source)();
      const result = await (window as any).__repriseQuiet(20, 3_000);
      return { ...result, elapsedMs: performance.now() - started };
    }, work);
  }

  it('waits for a fetch the app started, with no DOM change to tell it apart from a quiet page', async () => {
    const result = await quietAfter(`fetch('/api/slow').then((r) => r.json()).then((x) => { window.__answer = x.length; });`);
    expect(result.settled).toBe(true);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => (window as any).__answer)).toBe(3);
  });

  it('waits for the body the app is still reading after the headers came', async () => {
    const result = await quietAfter(`fetch('/api/slow-body').then((r) => r.json()).then((x) => { window.__body = x.ok; });`);
    expect(result.settled).toBe(true);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => (window as any).__body)).toBe(true);
  });

  it('waits for an XMLHttpRequest until its loadend', async () => {
    const result = await quietAfter(`const xhr = new XMLHttpRequest(); xhr.open('GET', '/api/slow'); xhr.onload = () => { window.__xhr = xhr.status; }; xhr.send();`);
    expect(result.settled).toBe(true);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => (window as any).__xhr)).toBe(200);
  });

  it('still waits for an XMLHttpRequest, and no longer, after a second send() on it threw', async () => {
    const result = await quietAfter(
      `const xhr = new XMLHttpRequest(); xhr.open('GET', '/api/slow'); xhr.onload = () => { window.__first = xhr.status; }; xhr.send();` +
        `try { xhr.send(); } catch (error) { window.__second = error.name; }`,
    );
    expect(result.settled).toBe(true);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => [(window as any).__first, (window as any).__second])).toEqual([200, 'InvalidStateError']);
  });

  it('counts the quiet window from the response, so the render after it is awaited', async () => {
    const result = await quietAfter(`fetch('/api/slow').then(() => setTimeout(() => { document.getElementById('out').textContent = 'rendered'; }, 10));`);
    expect(result.settled).toBe(true);
    expect(await page.locator('#out').textContent()).toBe('rendered');
  });

  it('reads the page in the task that found it quiet: the render after the response, and the count that proves it', async () => {
    const result = await page.evaluate(async () => {
      fetch('/api/slow').then(() => setTimeout(() => { document.getElementById('out')!.textContent = 'read with the verdict'; }, 10));
      return (window as any).__repriseQuiet(20, 3_000, undefined, true);
    });
    expect(result.settled).toBe(true);
    expect(result.reading.text).toContain('read with the verdict');
    expect(result.reading.title).toBe('Quiet');
    // The reading's count is the verdict's: a later confirmation compares against this very DOM.
    expect(result.reading.mutations).toBe(result.mutations);
    expect(result.reading.document).toBe(result.document);
    expect(result.reading.fingerprint.startsWith(`${result.document}|${result.mutations}|`)).toBe(true);
    // Without `read` the verdict carries no reading (the confirmation wait needs none).
    expect((await quietAfter('')).reading).toBeUndefined();
  });

  /** A verdict with a maxMs: `settled: false` means the page was still waiting when maxMs ran out. */
  function quietWithin(work: string, maxMs: number): Promise<QuietResult> {
    return page.evaluate(([source, max]) => {
      new Function(source)();
      return (window as any).__repriseQuiet(20, max);
    }, [work, maxMs] as const);
  }

  it('waits for a render the app deferred with a short timer, well past the quiet window', async () => {
    const result = await quietAfter(`setTimeout(() => { document.getElementById('out').textContent = 'debounced'; }, 250);`);
    expect(result.settled).toBe(true);
    expect(await page.locator('#out').textContent()).toBe('debounced');
  });

  it('waits for a render the app deferred by animation frames', async () => {
    const result = await quietAfter(`requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => { document.getElementById('out').textContent = 'three frames later'; })));`);
    expect(result.settled).toBe(true);
    expect(await page.locator('#out').textContent()).toBe('three frames later');
  });

  it('does not wait for a long timer, nor for a timer the app cleared', async () => {
    const long = await quietWithin(`window.__late = setTimeout(() => { window.__fired = true; }, 2000);`, 800);
    expect(long.settled).toBe(true);
    expect(await page.evaluate(() => (window as any).__fired)).toBeUndefined();
    await page.evaluate(() => clearTimeout((window as any).__late));
    const cleared = await quietWithin(`clearTimeout(setTimeout(() => { window.__fired = true; }, 400));`, 800);
    expect(cleared.settled).toBe(true);
    const clearedByInterval = await quietWithin(`clearInterval(setTimeout(() => { window.__fired = true; }, 400));`, 800);
    expect(clearedByInterval.settled).toBe(true);
    expect(await page.evaluate(() => (window as any).__fired)).toBeUndefined();
  });

  it('follows a self-rearming timer to its third link, then stops waiting for it', async () => {
    const result = await quietAfter(`window.__ticks = 0; (function tick() { window.__ticks++; window.__chain = setTimeout(tick, 30); })();`);
    const ticks = await page.evaluate(() => (window as any).__ticks);
    await page.evaluate(() => clearTimeout((window as any).__chain));
    expect(result.settled).toBe(true);
    // The first call ran in the calling task; the three timers after it were awaited.
    expect(ticks).toBeGreaterThanOrEqual(4);
  });

  it('gives up on a timer that re-arms itself through a promise after the cap, and still calls the page quiet', async () => {
    const result = await quietWithin(
      `window.__stopPoll = false; (function poll() { if (window.__stopPoll) return; setTimeout(() => Promise.resolve().then(poll), 20); })();`,
      5_000,
    );
    await page.evaluate(() => ((window as any).__stopPoll = true));
    expect(result.settled).toBe(true);
  });

  it('keeps an unhandled fetch rejection a page error, and a handled one silent', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await quietAfter(`fetch('http://127.0.0.1:${closedPort}/').catch(() => { window.__handled = true; });`);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as any).__handled)).toBe(true);
    expect(pageErrors).toEqual([]);
    await quietAfter(`fetch('http://127.0.0.1:${closedPort}/');`);
    await expect.poll(() => pageErrors.length).toBe(1);
    expect(pageErrors[0]).toContain('Failed to fetch');
  });
});
