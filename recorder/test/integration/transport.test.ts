import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { checksumEvents, RECORDING_FORMAT_VERSION } from '../../../protocol/ingest.js';
import { launchChromium } from '../../../replayer/browser.js';
import { buildRecorder } from '../../build.mjs';
import { PROJECT_KEY, startCollector, testPage, type Collector } from './collector.js';

const BUNDLE = join(import.meta.dirname, '../../../dist/recorder.js');
const BODY = '<button id="go">Go</button><p id="out"></p>';

let browser: Browser;
let collector: Collector;

beforeAll(async () => {
  await buildRecorder();
  collector = await startCollector(BUNDLE);
  collector.pages.set('/', testPage(collector, BODY));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

async function openPage(path = '/'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${collector.appOrigin}${path}`);
  await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
  return page;
}

const flush = (page: Page) => page.evaluate(() => (window as any).Reprise.flush());
const sessionIdOf = (page: Page) => page.evaluate(() => (window as any).Reprise.getSessionId() as string);

function batchesOf(sessionId: string) {
  return [...collector.stored.values()].filter((b) => b.sessionId === sessionId).sort((a, b) => a.seq - b.seq);
}

describe('recorder | transport', () => {
  it('sends well-formed batches and keeps sessionId and seq across a reload in the same tab', async () => {
    const page = await openPage();
    const sessionId = await sessionIdOf(page);
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    await page.click('#go');
    await flush(page);
    await page.reload();
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    expect(await sessionIdOf(page)).toBe(sessionId);
    await page.click('#go');
    await flush(page);
    const batches = batchesOf(sessionId);
    expect(batches.map((b) => b.seq)).toEqual(batches.map((_, index) => index));
    for (const batch of batches) {
      expect(batch.formatVersion).toBe(RECORDING_FORMAT_VERSION);
      expect(batch.checksum).toBe(checksumEvents(batch.events));
    }
    const loads = batches.flatMap((b) => b.events).filter((e) => e.type === 5 && e.data.tag === 'reprise.route');
    expect(loads.filter((e) => e.data.payload.kind === 'load')).toHaveLength(2);
    expect(collector.keys.every((key) => key === PROJECT_KEY)).toBe(true);
    // Simple CORS requests (key in the query, no header of ours): no preflight before any batch.
    expect(collector.preflights).toBe(0);
    // The fetch path compresses; beacons on pagehide may be plain JSON.
    expect(collector.rawBodies.some((raw) => raw[0] === 0x1f && raw[1] === 0x8b)).toBe(true);
    await page.close();
  });

  it('resends batches left in sessionStorage by the previous page, with their original seq and checksum', async () => {
    const events = [{ type: 5, data: { tag: 'reprise.track', payload: { name: 'left-over' } }, timestamp: 1 }];
    const later = [{ type: 5, data: { tag: 'reprise.track', payload: { name: 'left-over-2' } }, timestamp: 2 }];
    // An older recorder stored the checksum; this one computes it at send time, so a batch may have none yet.
    const withChecksum = { sessionId: 'leftOverSession01', seq: 7, checksum: checksumEvents(events), eventsJson: JSON.stringify(events) };
    const withoutChecksum = { sessionId: 'leftOverSession01', seq: 8, eventsJson: JSON.stringify(later) };
    const context = await browser.newContext();
    await context.addInitScript((batches) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        sessionStorage.setItem('reprise.outbox', JSON.stringify(batches));
      }
    }, [withChecksum, withoutChecksum]);
    const page = await context.newPage();
    await page.goto(`${collector.appOrigin}/`);
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    await flush(page);
    expect(collector.stored.get('leftOverSession01/7')?.events).toEqual(events);
    expect(collector.stored.get('leftOverSession01/7')?.checksum).toBe(checksumEvents(events));
    expect(collector.stored.get('leftOverSession01/8')?.events).toEqual(later);
    expect(collector.stored.get('leftOverSession01/8')?.checksum).toBe(checksumEvents(later));
    await context.close();
  });

  it('checksums, wraps and gzips batches in one worker, and the page sees no worker error', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const NativeWorker = window.Worker;
      const seen = ((window as any).__workers = { started: 0, errors: 0 });
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          seen.started++;
          this.addEventListener('error', () => seen.errors++);
        }
      };
    });
    const page = await context.newPage();
    await page.goto(`${collector.appOrigin}/`);
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    const sessionId = await sessionIdOf(page);
    const rawBefore = collector.rawBodies.length;
    await flush(page);
    await page.click('#go');
    await flush(page);
    expect(await page.evaluate(() => (window as any).__workers)).toEqual({ started: 1, errors: 0 });
    const batches = batchesOf(sessionId);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    for (const batch of batches) expect(batch.checksum).toBe(checksumEvents(batch.events));
    expect(collector.rawBodies.slice(rawBefore).every((raw) => raw[0] === 0x1f && raw[1] === 0x8b)).toBe(true);
    await context.close();
  });

  it('computes checksums inline when the CSP forbids workers, and still compresses', async () => {
    collector.pages.set('/csp', testPage(collector, BODY));
    collector.pageHeaders.set('/csp', { 'content-security-policy': "worker-src 'none'" });
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(`${collector.appOrigin}/csp`);
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    const sessionId = await sessionIdOf(page);
    const rawBefore = collector.rawBodies.length;
    await page.click('#go');
    await flush(page);
    expect(violations.length).toBeGreaterThan(0); // the worker really was refused
    const batches = batchesOf(sessionId);
    expect(batches.flatMap((b) => b.events).some((e) => e.type === 5 && e.data.tag === 'reprise.action')).toBe(true);
    for (const batch of batches) expect(batch.checksum).toBe(checksumEvents(batch.events));
    expect(collector.rawBodies.slice(rawBefore).some((raw) => raw[0] === 0x1f && raw[1] === 0x8b)).toBe(true);
    await page.close();
  });

  it('beacons unsent batches as plain JSON with their checksum when the page goes away', async () => {
    const page = await openPage();
    const sessionId = await sessionIdOf(page);
    await flush(page);
    await page.click('#go');
    const rawBefore = collector.rawBodies.length;
    await page.goto('about:blank'); // pagehide: the click's batch goes by sendBeacon, never by fetch
    await expect.poll(() => batchesOf(sessionId).flatMap((b) => b.events).some((e) => e.type === 5 && e.data.tag === 'reprise.action')).toBe(true);
    const beaconed = collector.rawBodies.slice(rawBefore);
    expect(beaconed.length).toBeGreaterThan(0);
    expect(beaconed.every((raw) => raw[0] === 0x7b)).toBe(true); // '{': not gzip
    for (const batch of batchesOf(sessionId)) expect(batch.checksum).toBe(checksumEvents(batch.events));
    await page.close();
  });

  it('retries a batch answered 429 with Retry-After, and it is stored exactly once', async () => {
    const page = await openPage();
    const sessionId = await sessionIdOf(page);
    await flush(page); // drains the first snapshot normally
    let throttled: string | undefined;
    collector.reply = (batch, attempt) => {
      if (batch.sessionId !== sessionId || attempt > 1) return undefined;
      throttled = `${batch.sessionId}/${batch.seq}`;
      return { status: 429, headers: { 'retry-after': '1' } };
    };
    await page.click('#go');
    await flush(page);
    collector.reply = undefined;
    expect(throttled).toBeDefined();
    expect(collector.attempts.get(throttled!)).toBe(2);
    expect(collector.stored.has(throttled!)).toBe(true);
    const actions = batchesOf(sessionId).flatMap((b) => b.events).filter((e) => e.type === 5 && e.data.tag === 'reprise.action');
    expect(actions).toHaveLength(1);
    await page.close();
  });

  it('stops recording with reason mutation-limit when one window holds over 10,000 mutations', async () => {
    const page = await openPage();
    const sessionId = await sessionIdOf(page);
    await page.evaluate(() => {
      const host = document.createElement('div');
      for (let i = 0; i < 10_500; i++) host.appendChild(document.createElement('i'));
      document.body.appendChild(host);
      for (const child of Array.from(host.children)) child.setAttribute('data-n', '1');
    });
    await page.waitForTimeout(300); // the kill switch tears down on the next task
    await page.click('#go');
    await flush(page);
    const custom = batchesOf(sessionId).flatMap((b) => b.events).filter((e) => e.type === 5);
    const stopped = custom.filter((e) => e.data.tag === 'reprise.stopped');
    expect(stopped.map((e) => e.data.payload.reason)).toEqual(['mutation-limit']);
    expect(custom.some((e) => e.data.tag === 'reprise.action')).toBe(false);
    await page.close();
  });

  it('does not break the page when the ingest server is down', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadOrigin = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise((resolve) => dead.close(resolve));
    collector.pages.set('/down', testPage(collector, BODY, deadOrigin));
    const page = await browser.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${collector.appOrigin}/down`);
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    const result = await page.evaluate(async () => {
      void (window as any).Reprise.flush();
      document.getElementById('go')!.click();
      const data = await fetch('/api/data').then((r) => r.json());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return data.items;
    });
    expect(result).toEqual([1, 2]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('keeps delivering and recording when the page replaces window.fetch after init', async () => {
    const page = await openPage();
    const sessionId = await sessionIdOf(page);
    const wrapped = await page.evaluate(async () => {
      const previous = window.fetch;
      window.fetch = (input, init) => previous(input, init); // a well-behaved wrapper, e.g. an APM agent
      const items = (await fetch('/api/data?wrapped=1').then((r) => r.json())).items;
      window.fetch = () => Promise.reject(new Error('fetch replaced by the page'));
      return items;
    });
    expect(wrapped).toEqual([1, 2]);
    await page.click('#go');
    await flush(page);
    const events = batchesOf(sessionId).flatMap((b) => b.events).filter((e) => e.type === 5);
    expect(events.some((e) => e.data.tag === 'reprise.action')).toBe(true);
    expect(events.some((e) => e.data.tag === 'reprise.network' && e.data.payload.url.endsWith('wrapped=1'))).toBe(true);
    await page.close();
  });
});
