import type { Page } from 'playwright-core';
import type { StepCollector } from './stepCollector.js';

/** How long the page must show no pending request and no DOM mutation to count as settled. */
export const QUIET_WINDOW_MS = 150;
const POLL_INTERVAL_MS = 40;

/**
 * Waits until no request is in flight and the DOM has not changed for QUIET_WINDOW_MS, or `maxWaitMs` passes.
 * Returns how long that took. Uses Node's clock: the page's Date is shifted to the recording's time.
 */
export async function waitForQuiescence(collector: StepCollector, maxWaitMs: number): Promise<number> {
  const started = Date.now();
  let lastCount = -1;
  let quietSince = started;
  while (Date.now() - started < maxWaitMs) {
    const page = collector.page;
    const count = page ? await mutationCount(page) : 0;
    const now = Date.now();
    if (count < 0 || count !== lastCount || collector.inFlight.size > 0) {
      lastCount = count;
      quietSince = now;
    } else if (now - quietSince >= QUIET_WINDOW_MS) {
      return quietSince - started;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return Date.now() - started;
}

async function mutationCount(page: Page): Promise<number> {
  // -1 while the page is navigating: an unreadable count is treated as activity.
  return page.evaluate(() => (window as unknown as { __repriseMutations?: number }).__repriseMutations ?? 0).catch(() => -1);
}
