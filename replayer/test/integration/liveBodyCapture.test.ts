import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonShape, type RecordedEvent } from '../../../protocol/index.js';
import { launchChromium } from '../../browser.js';
import { replaySession } from '../../replaySession.js';
import { toTrajectory } from '../../toTrajectory.js';
import { T0, action, button, fullSnapshot, meta } from '../fixtures/repriseEvents.js';

// The shop page loads cacheable assets, a redirected JSON fetch, a text fetch and a fetch to a closed port (a
// network error): every kind of paused response must be continued or the page hangs. "Place order" navigates as
// soon as it has read the POST's body, as checkout-500 does: Chromium then forgets the body before Node can ask.
const SHOP = (deadOrigin: string) => `<!doctype html><html><head><title>Shop</title>
<link rel="stylesheet" href="/asset.css"><script src="/asset.js"></script></head><body><main>
<h1>Shop</h1><button type="button" id="order">Place order</button><p id="cart">…</p><p id="note">…</p>
</main><script>
fetch('/api/old-cart').then((r) => r.json()).then((cart) => { document.getElementById('cart').textContent = cart.items.length + ' items'; });
// Two identical requests answered in reverse order with different bodies: each must keep its own shape. POSTs,
// because Chromium's cache lock would queue two identical GETs one after the other.
fetch('/api/stock', { method: 'POST' }).then((r) => r.json());
setTimeout(() => fetch('/api/stock', { method: 'POST' }).then((r) => r.json()), 50);
fetch('/api/note').then((r) => r.text()).then((text) => { document.getElementById('note').textContent = text; });
fetch('${deadOrigin}/api/ping').catch(() => undefined);
document.getElementById('order').addEventListener('click', async () => {
  const response = await fetch('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sku":"tea"}' });
  const problem = await response.json();
  location.href = '/failed?code=' + problem.error.code;
});
</script></body></html>`;

const FAILED = `<!doctype html><html><head><title>Order failed</title></head><body><main>
<h1>Payment failed</h1><a href="/">Back to shop</a></main></body></html>`;

const ORDER_ERROR = { error: { code: 'card_declined', retry: true, lines: [{ sku: 'tea', quantity: 1 }] } };
const CART = { items: [{ sku: 'tea', price: 4.5 }] };
const SLOW_STOCK = { slow: true };
const FAST_STOCK = { fast: 1, warehouse: 'north' };

const STAGING = 'https://staging.example.app';
const backLink = { candidates: [{ by: 'role' as const, role: 'link', name: 'Back to shop' }], tag: 'a', role: 'link', name: 'Back to shop' };
const recording: RecordedEvent[] = [
  meta(T0, `${STAGING}/`, 1000, 700),
  fullSnapshot(T0 + 5),
  action(T0 + 2_000, { type: 'click', target: button('Place order') }),
  meta(T0 + 2_300, `${STAGING}/failed?code=card_declined`, 1000, 700),
  action(T0 + 5_000, { type: 'click', target: backLink }),
  meta(T0 + 5_300, `${STAGING}/`, 1000, 700),
];

describe('replayer | live-mode response body capture', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let deadOrigin: string;
  const received: string[] = [];

  beforeAll(async () => {
    let stockRequests = 0;
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://shop').pathname;
      received.push(`${request.method} ${path}`);
      const json = (status: number, value: unknown) => response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
      const asset = (type: string, body: string) => response.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=3600' }).end(body);
      if (path === '/asset.css') return asset('text/css', 'h1 { color: teal; }');
      if (path === '/asset.js') return asset('text/javascript', 'window.assetLoaded = true;');
      if (path === '/api/old-cart') return response.writeHead(302, { location: '/api/cart', 'cache-control': 'no-store' }).end();
      if (path === '/api/cart') return json(200, CART);
      if (path === '/api/stock') {
        const first = ++stockRequests % 2 === 1;
        return void setTimeout(() => json(200, first ? SLOW_STOCK : FAST_STOCK), first ? 600 : 0);
      }
      if (path === '/api/note') return response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('Free delivery today');
      if (path === '/api/orders' && request.method === 'POST') {
        // Drain the request body before answering, as a real server would.
        request.resume();
        return request.on('end', () => json(500, ORDER_ERROR));
      }
      const html = path === '/failed' ? FAILED : SHOP(deadOrigin);
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A port that was just listening and is now closed: connections to it are refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps the shape of a JSON body the page navigated away from, and lets the HTTP cache serve repeat loads', async () => {
    const trajectory = toTrajectory('live-capture', recording);
    expect(trajectory.steps.map((step) => step.action.type)).toEqual(['navigate', 'click', 'click']);
    const result = await replaySession({ browser, trajectory, target: origin, saveBlob: async () => 'unused', screenshots: false });

    expect(result.error).toBeUndefined();
    expect(result.status).toBe('completed');
    expect(result.steps.map((step) => step.outcome)).toEqual(['performed', 'performed', 'performed']);
    const [load, order, back] = result.steps;
    // Both loads of the shop page asked for the assets; only the first reached the server.
    expect(back.url).toBe('/');
    expect(received.filter((line) => line === 'GET /')).toHaveLength(2);
    expect(received.filter((line) => line === 'GET /asset.css')).toHaveLength(1);
    expect(received.filter((line) => line === 'GET /asset.js')).toHaveLength(1);

    const cart = load.requests.find((request) => request.path === '/api/cart');
    expect(cart).toMatchObject({ method: 'GET', status: 200, responseShape: jsonShape(CART) });
    expect(load.requests.find((request) => request.path === '/api/old-cart')).toMatchObject({ status: 302 });
    const stock = load.requests.filter((request) => request.path === '/api/stock').sort((a, b) => a.durationMs - b.durationMs);
    expect(stock.map((request) => request.responseShape)).toEqual([jsonShape(FAST_STOCK), jsonShape(SLOW_STOCK)]);
    const note = load.requests.find((request) => request.path === '/api/note');
    expect(note).toMatchObject({ status: 200 });
    expect(note?.responseShape).toBeUndefined();
    expect(load.requests.find((request) => request.path.endsWith('/api/ping'))?.failure).toBeTruthy();

    expect(order.url).toBe('/failed?code=card_declined');
    const post = order.requests.find((request) => request.path === '/api/orders');
    expect(post).toMatchObject({ method: 'POST', status: 500, responseShape: jsonShape(ORDER_ERROR) });

    expect(back.text).toContain('1 items');
  });
});
