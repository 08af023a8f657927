import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../browser.js';
import { observePage } from '../../observePage.js';
import { pageInitScript } from '../../pageInitScript.js';
import { waitForQuiescence } from '../../quiescence.js';
import { StepCollector } from '../../stepCollector.js';

// The API answers after 400 ms: longer than any quiet window, so only request tracking can wait for it.
const PAGE = `<!doctype html><html><head><title>Orders</title></head><body><main>
<label for="note">Note</label><input id="note"><button id="load">Load orders</button><p id="orders">none</p>
</main><script>
document.getElementById('load').addEventListener('click', async () => {
  const orders = await (await fetch('/api/orders')).json();
  document.getElementById('orders').textContent = orders.length + ' orders';
});
</script></body></html>`;

describe('replayer | observation and quiescence', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let context: BrowserContext;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/api/orders') {
        setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('[1,2,3]'), 400);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('waits for a slow request a step started and its render before observing', async () => {
    context = await browser.newContext();
    await context.addInitScript(pageInitScript({ seed: 's', clockOffsetMs: 0 }));
    const collector = new StepCollector(context, origin);
    const page = await context.newPage();
    collector.watch(page);
    await page.goto(`${origin}/`);
    await waitForQuiescence(collector, 2_000);
    const before = collector.requestsStarted;
    await page.click('#load');
    await waitForQuiescence(collector, 3_000);
    const state = await observePage(page, origin);
    expect(collector.requestsStarted).toBe(before + 1);
    expect(state.text).toContain('3 orders');
    expect(state.aria).toContain('3 orders');
    await collector.drain();
  });

  it('reuses the accessibility snapshot only while the DOM and form state provably did not change', async () => {
    const page = context.pages()[0];
    const first = await observePage(page, origin);
    expect(first.fingerprint).toBeDefined();
    // A sentinel proves reuse: a fresh snapshot could never contain it.
    const reused = await observePage(page, origin, { ...first, aria: 'SENTINEL' });
    expect(reused.aria).toBe('SENTINEL');
    expect(reused.fingerprint).toBe(first.fingerprint);

    // Typing changes a property, not the DOM: the form state in the fingerprint still forces a fresh snapshot.
    await page.fill('#note', 'urgent');
    const afterFill = await observePage(page, origin, { ...first, aria: 'SENTINEL' });
    expect(afterFill.aria).not.toBe('SENTINEL');
    expect(afterFill.aria).toContain('urgent');

    await page.evaluate(() => document.getElementById('orders')!.setAttribute('data-seen', '1'));
    const afterMutation = await observePage(page, origin, { ...afterFill, aria: 'SENTINEL' });
    expect(afterMutation.aria).not.toBe('SENTINEL');
  });

  it('tells replay when a click asked for a new tab, so it waits for the tab rather than observing the opener', async () => {
    const page = context.pages()[0];
    const quiet = () => page.evaluate(() => (window as unknown as { __repriseQuiet(q: number, m: number): Promise<{ popupRequested?: boolean }> }).__repriseQuiet(20, 500));
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/', target: '_blank', textContent: 'Help' });
      const inTab = Object.assign(document.createElement('a'), { href: '#same', textContent: 'Same tab' });
      document.body.append(link, inTab);
    });
    const opened = context.waitForEvent('page');
    await page.getByRole('link', { name: 'Help' }).click();
    expect((await quiet()).popupRequested).toBe(true);
    // The signal is consumed: the next wait settles normally.
    expect((await quiet()).popupRequested).toBeUndefined();
    await (await opened).close();
    await page.getByRole('link', { name: 'Same tab' }).click();
    expect((await quiet()).popupRequested).toBeUndefined();
  });
});
