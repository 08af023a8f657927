import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from '../../../replayer/browser.js';
import { buildRecorder } from '../../build.mjs';
import { startCollector, testPage, type Collector } from './collector.js';

const BUNDLE = join(import.meta.dirname, '../../../dist/recorder.js');

const BODY = `
<button type="button" data-testid="add-to-cart"><i class="icon"></i><span id="add-label">Add to cart</span></button>
<button type="button" id="save"><span id="save-label">Save draft</span></button>
<form id="search" onsubmit="event.preventDefault()">
  <input name="q" placeholder="Search products"><button>Go</button>
</form>
<form id="login" onsubmit="event.preventDefault()">
  <label>Password <input type="password" name="pw" id="pw"></label>
  <button type="button" id="other">Other</button>
</form>
<label id="terms-label"><input type="checkbox" name="terms"> I accept the terms</label>
<div class="reprise-mask"><label>Holder <input name="holder"></label><button type="button" id="greet">Hello Zebediah</button></div>`;

let browser: Browser;
let collector: Collector;

beforeAll(async () => {
  await buildRecorder();
  collector = await startCollector(BUNDLE);
  collector.pages.set('/', testPage(collector, BODY));
  // The app calls the API while the page is still parsing, long before the deferred recorder has run.
  collector.pages.set('/early', testPage(collector, `<script>
    window.__stub = window.Reprise;
    Reprise.setAppVersion('9.9.9');
    Reprise.identify('early-user', 'early-acct');
    Reprise.track('first', { n: 1 });
    Reprise.track('second', { n: 2 });
    Promise.reject(new Error('early rejection'));
  </script><script>throw new Error('early boom');</script>${BODY}`));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${collector.appOrigin}/`);
  await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
  return page;
}

async function flush(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).Reprise.flush());
}

/** Flushes until `find` returns something: network records arrive after the response body is read. */
async function waitForCustom<T>(page: Page, tag: string, find: (payload: any) => boolean): Promise<T> {
  for (let i = 0; i < 50; i++) {
    await flush(page);
    const found = collector.custom(tag).find(find);
    if (found) return found as T;
    await page.waitForTimeout(100);
  }
  throw new Error(`no ${tag} matching ${find} among ${JSON.stringify(collector.custom(tag))}`);
}

describe('recorder | actions', () => {
  it('retargets a click on an inner span to its button and ranks test id, then role and name', async () => {
    const page = await openPage();
    await page.click('#add-label');
    await page.click('#save-label');
    const add = await waitForCustom<any>(page, 'reprise.action', (a) => a.type === 'click' && a.target.tag === 'button' && a.target.name === 'Add to cart');
    expect(add.target.candidates.slice(0, 2)).toEqual([
      { by: 'testid', value: 'add-to-cart' },
      { by: 'role', role: 'button', name: 'Add to cart' },
    ]);
    expect(add.target.point.x).toBeGreaterThan(0);
    expect(add.target.nodeId).toBeGreaterThan(0);
    const save = collector.custom('reprise.action').find((a: any) => a.target?.name === 'Save draft');
    expect(save.target.candidates[0]).toEqual({ by: 'role', role: 'button', name: 'Save draft' });
    expect(save.target.candidates).toContainEqual({ by: 'css', value: '#save' });
    await page.close();
  });

  it('records typing as one input with its value, then Enter, then submit, without a synthetic click', async () => {
    const page = await openPage();
    const before = collector.custom('reprise.action').length;
    await page.locator('input[name=q]').pressSequentially('red shoes');
    await page.keyboard.press('Enter');
    await waitForCustom(page, 'reprise.action', (a) => a.type === 'submit' && a.target.tag === 'form');
    const actions = collector.custom<any>('reprise.action').slice(before);
    expect(actions.map((a) => a.type)).toEqual(['input', 'key', 'submit']);
    expect(actions[0]).toMatchObject({ value: 'red shoes', field: 'q' });
    expect(actions[0].target.candidates).toContainEqual({ by: 'placeholder', value: 'Search products' });
    expect(actions[1]).toMatchObject({ key: 'Enter' });
    await page.close();
  });

  it('never sends a typed password, only its masked shape', async () => {
    const page = await openPage();
    const secret = 'Hunter2Secret!';
    await page.locator('#pw').pressSequentially(secret);
    await page.click('#other');
    const input = await waitForCustom<any>(page, 'reprise.action', (a) => a.type === 'input' && a.field === 'pw');
    expect(input.masked).toEqual({ kind: 'password', length: secret.length });
    expect(input).not.toHaveProperty('value');
    await page.reload(); // the beacon path sends too
    await flush(page);
    expect(collector.bodies.length).toBeGreaterThan(0);
    for (const body of collector.bodies) expect(body).not.toContain('Hunter2');
    for (const raw of collector.rawBodies) expect(raw.includes('Hunter2')).toBe(false);
    await page.close();
  });

  it('reveals nothing from a reprise-mask region: not its text, typed values, nor names in action targets', async () => {
    const page = await openPage();
    await page.locator('input[name=holder]').pressSequentially('Quentin Blake');
    await page.click('#greet');
    const click = await waitForCustom<any>(page, 'reprise.action', (a) => a.type === 'click' && a.target.candidates.some((c: any) => c.value === '#greet'));
    expect(click.target).not.toHaveProperty('name');
    const input = collector.custom<any>('reprise.action').find((a) => a.type === 'input' && a.field === 'holder');
    expect(input.masked).toEqual({ kind: 'text', length: 'Quentin Blake'.length });
    for (const body of collector.bodies) expect(body).not.toMatch(/Quentin|Zebediah/);
    await page.close();
  });

  it('records typing resumed after a key that emitted the value, and typing in the next field', async () => {
    // Runs after the password test, which looks for the first input to #pw. The 'input' listener leaves after a field's first keystroke and comes back once its value is emitted.
    const page = await openPage();
    const before = collector.custom('reprise.action').length;
    await page.locator('input[name=q]').pressSequentially('red');
    await page.keyboard.press('Escape');
    await page.keyboard.type(' shoes');
    await page.click('#pw');
    await page.keyboard.type('secret');
    await page.click('#other');
    await waitForCustom(page, 'reprise.action', (a) => a.type === 'click' && a.target.name === 'Other');
    const actions = collector.custom<any>('reprise.action').slice(before);
    expect(actions.map((a) => a.type)).toEqual(['input', 'key', 'input', 'click', 'input', 'click']);
    expect(actions[0]).toMatchObject({ value: 'red', field: 'q' });
    expect(actions[2]).toMatchObject({ value: 'red shoes', field: 'q' });
    expect(actions[4]).toMatchObject({ field: 'pw', masked: { kind: 'password', length: 6 } });
    await page.close();
  });

  it('records a click on a checkbox label once, not again for the click the browser forwards to the box', async () => {
    const page = await openPage();
    const before = collector.custom('reprise.action').length;
    await page.click('#terms-label', { position: { x: 120, y: 5 } });
    await waitForCustom(page, 'reprise.action', (a) => a.type === 'check');
    const actions = collector.custom<any>('reprise.action').slice(before);
    expect(actions.map((a) => `${a.type}:${a.target.tag}`)).toEqual(['click:label', 'check:input']);
    expect(actions[0].target.candidates).toContainEqual({ by: 'text', value: 'I accept the terms' });
    expect(actions[1]).toMatchObject({ checked: true, target: { role: 'checkbox', name: 'I accept the terms' } });
    await page.close();
  });

  it('records pushState as a route change', async () => {
    const page = await openPage();
    await page.evaluate(() => history.pushState({}, '', '/cart?step=2'));
    const route = await waitForCustom<any>(page, 'reprise.route', (r) => r.kind === 'pushState');
    expect(route.url).toBe(`${collector.appOrigin}/cart?step=2`);
    expect(collector.custom('reprise.route').some((r: any) => r.kind === 'load')).toBe(true);
    await page.close();
  });

  it('records a fetch with its status, without credentials or secrets, and not its own ingest requests', async () => {
    const page = await openPage();
    const body = await page.evaluate(() =>
      fetch('/api/data?n=1', { headers: { authorization: 'Bearer top-secret', 'x-trace': 't1' } }).then((r) => r.json()),
    );
    expect(body.items).toEqual([1, 2]);
    const record = await waitForCustom<any>(page, 'reprise.network', (n) => n.url.endsWith('/api/data?n=1'));
    expect(record).toMatchObject({ initiator: 'fetch', method: 'GET', status: 200, url: `${collector.appOrigin}/api/data?n=1` });
    expect(record.requestHeaders).toEqual({ 'x-trace': 't1' });
    expect(record.responseHeaders['x-served-by']).toBe('app');
    expect(JSON.parse(record.responseBody)).toEqual({ items: [1, 2], token: '[masked]' });
    for (const text of collector.bodies) expect(text).not.toContain('top-secret');
    expect(collector.custom('reprise.network').some((n: any) => n.url.includes('/api/ingest'))).toBe(false);
    await page.close();
  });

  it('records an XMLHttpRequest with its body, secrets masked, and the page still gets its response', async () => {
    const page = await openPage();
    const status = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', '/api/data?via=xhr');
          xhr.setRequestHeader('content-type', 'application/json');
          xhr.setRequestHeader('x-api-key', 'xhr-key-123');
          xhr.onload = () => resolve(xhr.status);
          xhr.send(JSON.stringify({ email: 'ann@example.com', password: 'xhr-pass-999' }));
        }),
    );
    expect(status).toBe(200);
    const record = await waitForCustom<any>(page, 'reprise.network', (n) => n.url.endsWith('via=xhr'));
    expect(record).toMatchObject({ initiator: 'xhr', method: 'POST', status: 200 });
    expect(JSON.parse(record.requestBody)).toEqual({ email: 'ann@example.com', password: '[masked]' });
    expect(record.requestHeaders).toEqual({ 'content-type': 'application/json' });
    for (const text of collector.bodies) expect(text).not.toMatch(/xhr-pass-999|xhr-key-123/);
    await page.close();
  });

  it('records identify, track and context with the app version', async () => {
    const page = await openPage();
    await page.evaluate(() => {
      const reprise = (window as any).Reprise;
      reprise.setAppVersion('2.4.1');
      reprise.setFlags({ newCheckout: true });
      reprise.identify('user-7', 'acct-3', { plan: 'pro' });
      reprise.track('coupon_applied', { amount: 5 });
    });
    const identify = await waitForCustom<any>(page, 'reprise.identify', (i) => i.userId === 'user-7');
    expect(identify).toEqual({ userId: 'user-7', accountId: 'acct-3', traits: { plan: 'pro' } });
    expect(collector.custom('reprise.track')).toContainEqual({ name: 'coupon_applied', properties: { amount: 5 } });
    const context = collector.custom<any>('reprise.context').find((c) => c.appVersion === '2.4.1' && c.flags);
    expect(context).toMatchObject({ url: `${collector.appOrigin}/`, flags: { newCheckout: true } });
    expect(context.viewport.width).toBeGreaterThan(0);
    await page.close();
  });

  it('records identify and track calls and the errors from before the recorder loaded, in their order', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${collector.appOrigin}/early`);
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    // The loader's stub was there for the app, and the recorder replaced it with the real API.
    expect(await page.evaluate(() => typeof (window as any).__stub?.identify === 'function' && (window as any).__stub !== (window as any).Reprise)).toBe(true);
    const identify = await waitForCustom<any>(page, 'reprise.identify', (i) => i.userId === 'early-user');
    expect(identify).toMatchObject({ userId: 'early-user', accountId: 'early-acct' });
    const tracked = collector.custom<any>('reprise.track').filter((t) => t.name === 'first' || t.name === 'second');
    expect(tracked).toEqual([{ name: 'first', properties: { n: 1 } }, { name: 'second', properties: { n: 2 } }]);
    expect(collector.custom<any>('reprise.context').some((c) => c.appVersion === '9.9.9')).toBe(true);
    // Errors thrown while the page parsed, before the recorder existed: kept by the loader, reported by the recorder.
    const boom = collector.custom<any>('reprise.error').find((e) => e.message.includes('early boom'));
    expect(boom).toMatchObject({ kind: 'error' });
    expect(boom.stack).toContain('early boom');
    expect(collector.custom<any>('reprise.error').filter((e) => e.message.includes('early boom'))).toHaveLength(1);
    const rejection = collector.custom<any>('reprise.error').find((e) => e.message.includes('early rejection'));
    expect(rejection).toMatchObject({ kind: 'unhandledrejection' });
    // The page itself still saw both, as without Reprise.
    expect(pageErrors.sort()).toEqual(['early boom', 'early rejection']);
    await page.close();
  });

  it('records console.error and an uncaught exception, and the page still sees both', async () => {
    const page = await openPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.evaluate(() => {
      console.error('checkout failed', { code: 42 });
      setTimeout(() => {
        throw new Error('kaboom in handler');
      }, 0);
    });
    const logged = await waitForCustom<any>(page, 'reprise.console', (c) => c.message.includes('checkout failed'));
    expect(logged).toMatchObject({ level: 'error', message: 'checkout failed {"code":42}' });
    const error = await waitForCustom<any>(page, 'reprise.error', (e) => e.message.includes('kaboom'));
    expect(error.kind).toBe('error');
    expect(error.stack).toContain('kaboom in handler');
    expect(pageErrors).toEqual(['kaboom in handler']);
    await page.close();
  });
});
