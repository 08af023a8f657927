import type { Page } from 'playwright-core';
import { observePageAlongside, type PageReadout, type PageState } from './observePage.js';
import { QUIET_WINDOW_MS, waitForQuiescence } from './quiescence.js';
import type { StepCollector } from './stepCollector.js';

/** A page that keeps changing under the first looks is observed the classic way: full quiet window, then look. */
const OPTIMISTIC_LOOKS = 2;

export interface SettleOptions<Capture> {
  maxWaitMs: number;
  target: string;
  previous?: PageState;
  /** The page the step was performed on, observed if the app closed every tab. */
  stepPage: Page;
  /** Extra reading of the same settled state (a screenshot), taken alongside the accessibility snapshot; redone with it. */
  capture: (page: Page, readout: PageReadout) => Promise<Capture>;
}

export interface SettledObservation<Capture> {
  state: PageState;
  capture: Capture;
  /** The page observed: the step's page, or a tab the app opened meanwhile. */
  page: Page;
  /** How long the page took to go quiet after the step, on Node's clock. */
  quiescenceMs: number;
}

/**
 * Observes the page once the step's effects have settled, without paying the quiet window before looking: it looks
 * after a short first wait, then proves the look good by extending the same window (same page-clock anchor) over
 * the time the look took. An unchanged mutation count at the end of the full window means the DOM that was read,
 * snapshotted and photographed is the settled one; a change during the window means look again. The guarantee is
 * the old one (no DOM change for the full window after the step, no request in flight), but the window now runs
 * while the observation does instead of before it.
 */
export async function observeSettled<Capture>(collector: StepCollector, options: SettleOptions<Capture>): Promise<SettledObservation<Capture>> {
  const { maxWaitMs } = options;
  const started = Date.now();
  const remaining = () => Math.max(maxWaitMs - (Date.now() - started), 0);
  for (let look = 0; ; look++) {
    const lookStarted = Date.now() - started;
    const optimistic = look < OPTIMISTIC_LOOKS;
    // An optimistic look comes as soon as nothing is in flight and the page has run its queued work (the page counts
    // the app's own requests to the end of their body reads, and its short timers): a response's render has usually
    // landed by then, and the confirmation below catches the rest.
    const firstWindowMs = optimistic ? 0 : QUIET_WINDOW_MS;
    const first = await waitForQuiescence(collector, remaining(), { windowMs: firstWindowMs, read: true });
    const page = first.page ?? collector.page ?? options.stepPage;
    const requestsAtLook = collector.requestsStarted;
    // The verdict's reading is of the page it waited on; any other page is read afresh.
    const reading = first.page === page ? first.reading : undefined;
    const { state, alongside: capture } = await observePageAlongside(page, options.target, options.previous, (readout) => options.capture(page, readout), reading);
    const quiescenceMs = lookStarted + first.quiescenceMs;
    const budgetLeft = remaining();
    // Out of budget, a page without the init script (about:blank: nothing to compare), or already the classic way.
    if (!optimistic || budgetLeft === 0 || first.mutations === undefined) return { state, capture, page, quiescenceMs };
    // The page could not be read (a navigation replaced the document mid-look): look again.
    if (state.mutations === undefined) continue;
    // A request during the look restarts the window from now, as after any request: its render may still come.
    const anchor = collector.requestsStarted > requestsAtLook ? undefined : first.anchor;
    const confirm = await waitForQuiescence(collector, budgetLeft, { windowMs: QUIET_WINDOW_MS, anchor });
    const unchanged = confirm.page === page && confirm.document === state.document && confirm.mutations === state.mutations;
    if (unchanged) return { state, capture, page, quiescenceMs };
  }
}
