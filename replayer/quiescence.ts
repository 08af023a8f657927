import type { Page } from 'playwright-core';
import type { PageReading } from './observePage.js';
import type { StepCollector } from './stepCollector.js';

/**
 * How long the DOM must stay unchanged, with no request in flight and none of the app's short timers or animation
 * frames pending, to count as settled. Requests and timers are awaited explicitly (the page counts its own fetch and
 * XHR calls to the end of their body reads, and its timers up to 500 ms: pageInitScript.ts), so the window only has
 * to bridge what nothing announces: an observer callback after the next frame, a message from a worker. It was
 * 100 ms, then 60 ms (50 ms after a step with no request) before timers were tracked; 30 ms measured 6.6% faster on
 * the guest-checkout replay (bench/replay/RESULTS.md).
 */
export const QUIET_WINDOW_MS = 30;
const REQUEST_POLL_MS = 10;
const NAVIGATION_RETRY_MS = 20;

interface QuietResult {
  quietAfterMs: number;
  settled: boolean;
  /** The page opened, or a click asked for, a new tab since the last wait. */
  popupRequested?: boolean;
  /** The document is unloading: a navigation it started is under way. */
  leaving?: boolean;
  /** The page-clock time the quiet window was counted from; pass it back to extend the same window. */
  anchor?: number;
  /** The document's mutation count when the wait ended, and the document's id. */
  mutations?: number;
  document?: string;
  reading?: PageReading;
}

export interface Quiescence {
  /** How long the page took to go quiet, on Node's clock (the page's Date is shifted). */
  quiescenceMs: number;
  /** The page waited on (replay may have moved to a popup meanwhile). */
  page?: Page;
  /** Page-clock start of the quiet window, for `waitForQuiescence(..., { anchor })`. */
  anchor?: number;
  /** Mutation count of the page's document at the end of the wait, and which document that was. */
  mutations?: number;
  document?: string;
  /** With `read`: the page as it was when it was found quiet, read in that same task. */
  reading?: PageReading;
}

export interface QuiescenceOptions {
  /** The quiet window; default QUIET_WINDOW_MS. */
  windowMs?: number;
  /** Count the window from this page-clock time (an earlier wait's anchor) instead of from now. */
  anchor?: number;
  /** Read the page (title, text, fingerprint) in the task that gives the verdict: saves observePage a round trip. */
  read?: boolean;
}

/** How long a tab the page asked for may take to reach Playwright before replay goes on without it (popup blocked). */
const POPUP_WAIT_MS = 3_000;

/**
 * Waits until no request is in flight and the DOM has not changed for the quiet window, or `maxWaitMs` passes.
 * The DOM wait runs inside the page (a MutationObserver timestamp and a timer) so it costs one round trip instead
 * of polling.
 */
export async function waitForQuiescence(collector: StepCollector, maxWaitMs: number, options: QuiescenceOptions = {}): Promise<Quiescence> {
  const started = Date.now();
  let anchor = options.anchor;
  for (;;) {
    const elapsed = Date.now() - started;
    const remaining = maxWaitMs - elapsed;
    if (remaining <= 0) return { quiescenceMs: elapsed };
    if (collector.inFlight.size > 0) {
      await collector.nextRequestEnd(REQUEST_POLL_MS);
      continue;
    }
    const page = collector.page;
    if (!page) return { quiescenceMs: elapsed };
    const quietMs = options.windowMs ?? QUIET_WINDOW_MS;
    const result = await waitInPage(page, quietMs, remaining, anchor, options.read ?? false);
    if (!result || result.leaving) {
      // Navigating: the old document is leaving or gone, and the new one may not have run the init script yet.
      anchor = undefined;
      await sleep(NAVIGATION_RETRY_MS);
      continue;
    }
    if (result.popupRequested) {
      await waitForPageSwitch(collector, page, Math.min(POPUP_WAIT_MS, Math.max(maxWaitMs - (Date.now() - started), 0)));
      anchor = undefined;
      continue;
    }
    // A request started while the DOM was quiet, or a navigation replaced the page: settle again.
    if (collector.inFlight.size > 0 || collector.page !== page) {
      anchor = undefined;
      continue;
    }
    const settledAt = result.settled ? elapsed + Math.round(result.quietAfterMs) : Date.now() - started;
    return { quiescenceMs: settledAt, page, anchor: result.anchor, mutations: result.mutations, document: result.document, reading: result.reading };
  }
}

/**
 * Waits until the page's URL differs from `urlBefore` (or another page took over, or `maxWaitMs` passed). Used after
 * a step that changed the URL in the recording: a link click returns before its navigation commits, and a quiet
 * window alone would observe the old page. page.url() is kept current by Playwright's events, so checking it is
 * free of round trips; a committed navigation wakes the wait at once.
 */
export async function waitForUrlChange(collector: StepCollector, urlBefore: string, maxWaitMs: number): Promise<void> {
  const page = collector.page;
  const started = Date.now();
  while (Date.now() - started < maxWaitMs) {
    if (!page || collector.page !== page || page.isClosed() || page.url() !== urlBefore) return;
    await nextNavigation(page, REQUEST_POLL_MS);
  }
}

/** Resolves when the page commits a navigation, or after `maxMs` (a tab switch has no event on this page). */
function nextNavigation(page: Page, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      page.off('framenavigated', done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    page.on('framenavigated', done);
  });
}

async function waitForPageSwitch(collector: StepCollector, page: Page, maxWaitMs: number): Promise<void> {
  const started = Date.now();
  while (collector.page === page && Date.now() - started < maxWaitMs) await sleep(REQUEST_POLL_MS);
}

async function waitInPage(page: Page, quietMs: number, maxMs: number, anchor: number | undefined, read: boolean): Promise<QuietResult | undefined> {
  return page
    .evaluate(
      ([quiet, max, from, withReading]) => {
        const wait = (window as unknown as { __repriseQuiet?: (q: number, m: number, a: number | undefined, r: boolean) => Promise<QuietResult> }).__repriseQuiet;
        // A document the init script did not reach (about:blank) has nothing to wait for.
        return wait ? wait(quiet, max, from ?? undefined, withReading) : { quietAfterMs: 0, settled: true };
      },
      [quietMs, maxMs, anchor ?? null, read] as const,
    )
    .catch(() => undefined);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
