import type { Page } from 'playwright-core';
import type { CapturedExchange } from './fetchBodyCapture.js';

/** An entry nobody claimed this long ago belongs to a request that never produced a `response` event. */
const STALE_AFTER_MS = 60_000;

interface Entry {
  status: number;
  body: Promise<Buffer | undefined>;
  addedAt: number;
}

/**
 * Pairs bodies captured over CDP with the Playwright `Request` they belong to. Playwright does not expose the
 * DevTools request id, so the pair is made by page, method, URL and status, first in first out. That is exact
 * whenever a page has one such request outstanding; for identical concurrent requests the order holds too,
 * because Chromium pauses a response before the page (and Playwright's `response` event) can see it, and each
 * paused response is continued only after its own body is read. A swap between two identical requests could
 * only give one the other's body, which for the same method, URL and status is the same shape in practice.
 */
export class CapturedExchanges {
  private readonly byPage = new WeakMap<Page, Map<string, Entry[]>>();

  add(page: Page, exchange: CapturedExchange): void {
    let byKey = this.byPage.get(page);
    if (!byKey) this.byPage.set(page, (byKey = new Map()));
    const key = keyOf(exchange.method, exchange.url);
    const now = Date.now();
    const fresh = (byKey.get(key) ?? []).filter((entry) => now - entry.addedAt < STALE_AFTER_MS);
    fresh.push({ status: exchange.status, body: exchange.body, addedAt: now });
    byKey.set(key, fresh);
  }

  /** The body captured for this response, or undefined when none was (page attached late, worker request). */
  take(page: Page, method: string, url: string, status: number): Promise<Buffer | undefined> | undefined {
    const byKey = this.byPage.get(page);
    const key = keyOf(method, url);
    const entries = byKey?.get(key);
    const index = entries?.findIndex((entry) => entry.status === status) ?? -1;
    if (!entries || index < 0) return undefined;
    const [entry] = entries.splice(index, 1);
    if (!entries.length) byKey!.delete(key);
    return entry.body;
  }
}

/** Playwright keeps a URL's fragment, DevTools reports it apart; neither reaches the server. */
function keyOf(method: string, url: string): string {
  const hash = url.indexOf('#');
  return `${method.toUpperCase()} ${hash < 0 ? url : url.slice(0, hash)}`;
}
