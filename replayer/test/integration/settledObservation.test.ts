import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../browser.js';
import { pageInitScript } from '../../pageInitScript.js';
import { screenshotOf } from '../../screenshot.js';
import { observeSettled } from '../../settledObservation.js';
import { StepCollector } from '../../stepCollector.js';

// The API answers after 300 ms, and the page renders its answer 30 ms after that (a framework's deferred render).
const PAGE = `<!doctype html><html><head><title>Orders</title></head><body><main>
<button id="load">Load orders</button><button id="local">Count</button><p id="orders">none</p>
</main><script>
document.getElementById('load').addEventListener('click', async () => {
  const orders = await (await fetch('/api/orders')).json();
  setTimeout(() => { document.getElementById('orders').textContent = orders.length + ' orders'; }, 30);
});
document.getElementById('local').addEventListener('click', () => { document.getElementById('orders').textContent = 'counted'; });
</script></body></html>`;

describe('replayer | observing a settled page', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let collector: StepCollector;
  let page: Page;
  let faviconRequests = 0;
  let ordersAnsweredAt = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/favicon.ico' || request.url === '/missing.png') {
        if (request.url === '/favicon.ico') faviconRequests++;
        response.writeHead(404).end();
        return;
      }
      if (request.url === '/api/orders') {
        setTimeout(() => {
          ordersAnsweredAt = Date.now();
          response.writeHead(200, { 'content-type': 'application/json' }).end('[1,2,3]');
        }, 300);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 640, height: 360 } });
    await context.addInitScript(pageInitScript({ seed: 's', clockOffsetMs: 0 }));
    collector = new StepCollector(context, origin);
    page = await context.newPage();
    collector.watch(page);
    await page.goto(`${origin}/`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('waits out a request and the render after it before the look it keeps', async () => {
    const before = collector.requestsStarted;
    await page.click('#load');
    const observeStarted = Date.now();
    const settled = await observeSettled(collector, { maxWaitMs: 3_000, target: origin, stepPage: page, capture: async () => undefined });
    expect(collector.requestsStarted).toBe(before + 1);
    expect(settled.state.text).toContain('3 orders');
    // The reported wait reaches past the answer (how much of the 300 ms the click itself took depends on the load).
    expect(ordersAnsweredAt).toBeGreaterThan(0);
    expect(observeStarted + settled.quiescenceMs).toBeGreaterThanOrEqual(ordersAnsweredAt);
    await collector.drain();
  });

  it('looks again when the DOM changes while it looks, so state and screenshot show the settled page', async () => {
    await page.click('#local');
    const shots: Buffer[] = [];
    const settled = await observeSettled(collector, {
      maxWaitMs: 3_000,
      target: origin,
      stepPage: page,
      capture: async (current, state) => {
        const png = await screenshotOf(current, state);
        if (png) shots.push(png);
        // A render landing during the first look: that look must not be the one kept.
        if (shots.length === 1) await current.evaluate(() => document.body.append('late render'));
        return png;
      },
    });
    expect(shots).toHaveLength(2);
    expect(settled.state.text).toContain('counted');
    expect(settled.state.text).toContain('late render');
    expect(settled.capture).toBe(shots[1]);
    expect(shots[1].equals(shots[0])).toBe(false);
  });

  it('keeps the first look when nothing changes during the quiet window', async () => {
    let looks = 0;
    const settled = await observeSettled(collector, {
      maxWaitMs: 3_000,
      target: origin,
      stepPage: page,
      capture: async () => ++looks,
    });
    expect(looks).toBe(1);
    expect(settled.capture).toBe(1);
    expect(settled.state.title).toBe('Orders');
  });

  it('photographs the viewport as a PNG, and a page with running Web Animations through Playwright paused', async () => {
    const png = await screenshotOf(page, { animating: false });
    expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png?.readUInt32BE(16)).toBe(640);
    expect(png?.readUInt32BE(20)).toBe(360);
    await page.evaluate(() => document.getElementById('orders')!.animate([{ opacity: 0 }, { opacity: 1 }], { duration: 60_000, iterations: Infinity }));
    const settled = await observeSettled(collector, { maxWaitMs: 1_000, target: origin, stepPage: page, capture: screenshotOf });
    expect(settled.state.animating).toBe(true);
    expect(settled.capture?.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it("drops the 404 of the browser's own favicon fetch, and keeps the page's own failed loads", async () => {
    // A browser of its own: Chromium asks for an origin's favicon once per browser.
    const ownBrowser = await launchChromium();
    const fresh = await ownBrowser.newContext();
    try {
      const freshCollector = new StepCollector(fresh, origin);
      const tab = await fresh.newPage();
      freshCollector.watch(tab);
      const faviconsBefore = faviconRequests;
      await tab.goto(`${origin}/`);
      await tab.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: '/missing.png' })));
      await expect.poll(() => faviconRequests).toBeGreaterThan(faviconsBefore);
      await tab.waitForTimeout(500);
      const events = await freshCollector.drain();
      expect(events.consoleErrors).toHaveLength(1);
    } finally {
      await ownBrowser.close();
    }
  });
});
