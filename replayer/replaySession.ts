import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { NetworkMode, NetworkRecord, ReplayResult, StepObservation, Trajectory } from '../protocol/index.js';
import { installNetworkStubs } from './networkStubs.js';
import { isLightStep, isObservationDeferred, isScreenshotDeferred } from './lightSteps.js';
import type { PageReadout, PageState } from './observePage.js';
import { pageInitScript } from './pageInitScript.js';
import { FetchBodyCapture, type CapturedExchange } from './fetchBodyCapture.js';
import { installResponseBodyCapture } from './responseBodyCapture.js';
import { performStep, type StepContext, type StepOutcomeReport } from './performStep.js';
import { waitForQuiescence, waitForUrlChange } from './quiescence.js';
import { prepareScreenshots, screenshotOf } from './screenshot.js';
import { observeSettled } from './settledObservation.js';
import { MAX_SHAPE_BODY_BYTES, StepCollector } from './stepCollector.js';
import { joinTarget } from './targetUrl.js';

export interface ReplayOptions {
  browser: Browser;
  trajectory: Trajectory;
  /** Origin plus optional path prefix, e.g. `http://127.0.0.1:5100` or `https://pr-42.example.app/shop`. */
  target: string;
  /** Stores bytes (screenshots) and returns the blob key. */
  saveBlob: (bytes: Uint8Array, contentType: string) => Promise<string>;
  /** Default 'live'; 'stubbed' and 'hybrid' answer fetch/xhr from `recordedNetwork`. */
  mode?: NetworkMode;
  /** The session's recorded fetch/xhr exchanges: `recordedNetworkOf(events)`. */
  recordedNetwork?: NetworkRecord[];
  /** Hybrid mode only: normalized path prefixes to stub (e.g. `/api/payments`); default every recorded request. */
  stubbedPaths?: string[];
  /** Field name -> value for masked fields; otherwise a synthetic value of the recorded shape is typed. */
  fixtures?: Record<string, string>;
  stepTimeoutMs?: number;
  sessionTimeoutMs?: number;
  screenshots?: boolean;
  /** Seeds Math.random and crypto.randomUUID; defaults to the session id so baseline and candidate agree. */
  seed?: string;
  /** How error messages name the target, e.g. 'Candidate' or 'Baseline'. Default 'Target'. */
  targetLabel?: string;
}

const DEFAULT_STEP_TIMEOUT_MS = 5_000;
const DEFAULT_SESSION_TIMEOUT_MS = 120_000;
/** How long to wait for a URL change the recording saw after the step; a candidate that no longer navigates costs this. */
const EXPECTED_NAVIGATION_WAIT_MS = 3_000;
/** Floor for settling after a step: a recorded gap of 50 ms says the user was fast, not that the app was. */
const MIN_SETTLE_MS = 1_000;

/**
 * Replays a trajectory against a target in a fresh browser context and observes every step. A step that cannot
 * be performed is recorded and replay goes on; only an unusable first page, a crash or a disconnect end the
 * session with status 'error'.
 */
export async function replaySession(options: ReplayOptions): Promise<ReplayResult> {
  const { browser, trajectory, target } = options;
  const mode = options.mode ?? 'live';
  const stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const deadline = Date.now() + (options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS);
  const startedAt = Date.now();
  const result: ReplayResult = { sessionId: trajectory.sessionId, target, mode, status: 'completed', steps: [], startedAt, durationMs: 0 };
  const fail = (error: string) => Object.assign(result, { status: 'error' as const, error });
  let disconnected = false;
  const onDisconnect = () => (disconnected = true);
  browser.on('disconnected', onDisconnect);

  let context: BrowserContext | undefined;
  // Screenshots are stored while replay goes on: a blob store that fsyncs every file (server/store/blobFiles.ts)
  // would otherwise hold each photographed step for its writes. A failed write fails the session at the end.
  const saving: Promise<void>[] = [];
  let saveError: unknown;
  try {
    context = await browser.newContext({
      viewport: trajectory.viewport,
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    // Date starts where the recording did and runs at real speed. Not context.clock.install(): its fake timers
    // swallow exceptions thrown in setTimeout callbacks (they become console errors, never 'pageerror').
    const clockOffsetMs = trajectory.startedAt - Date.now();
    await context.addInitScript(pageInitScript({ seed: options.seed ?? trajectory.sessionId, storage: trajectory.storage, clockOffsetMs }));
    const collector = new StepCollector(context, target);
    const captureBody = collector.captureBody.bind(collector);
    // Live mode installs no route, so the HTTP cache stays on and only fetch/xhr responses stop in Node (#4).
    // Stubbed and hybrid modes need routes to fulfil requests; their route capture is what stubs fall back to.
    const onExchange = (page: Page, exchange: CapturedExchange) => collector.captureExchange(page, exchange);
    const fetchCapture = mode === 'live' ? new FetchBodyCapture(context, { maxBodyBytes: MAX_SHAPE_BODY_BYTES, onExchange }) : undefined;
    if (mode !== 'live') {
      await installResponseBodyCapture(context, captureBody);
      const onNote = (note: string) => collector.note(note);
      await installNetworkStubs(context, { mode, records: options.recordedNetwork ?? [], target, stubbedPaths: options.stubbedPaths, onBody: captureBody, onNote });
    }
    const firstPage = await context.newPage();
    collector.watch(firstPage);
    if (options.screenshots ?? true) prepareScreenshots(firstPage);
    await fetchCapture?.attach(context, firstPage);
    const stepContext: StepContext = { target, fixtures: options.fixtures ?? {}, seed: options.seed ?? trajectory.sessionId, navigationTimeoutMs: Math.max(stepTimeoutMs, 10_000) };
    let previous: PageState | undefined;
    /** A deferred field edit changed the page: the next photographed step must be photographed even if it changes nothing. */
    let unphotographedChange = false;

    for (const step of trajectory.steps) {
      if (Date.now() > deadline) {
        fail(`Replay of session ${trajectory.sessionId} passed its ${options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS} ms budget at step ${step.index} of ${trajectory.steps.length}; raise sessionTimeoutMs or shorten the session.`);
        break;
      }
      const page = collector.page;
      if (!page) {
        fail(`Replay of session ${trajectory.sessionId} has no open page at step ${step.index}: the app closed its last tab.`);
        break;
      }
      const stepStarted = Date.now();
      const urlBefore = page.url();
      const report = await withTimeout(performStep(page, step.action, stepContext), stepTimeoutMs + stepContext.navigationTimeoutMs, step.action.type);
      if (step.index === 0 && step.action.type === 'navigate') {
        const problem = firstLoadProblem(report, options.targetLabel ?? 'Target', joinTarget(target, step.action.url), step.action.url);
        if (problem) {
          fail(problem);
          break;
        }
      }
      const next = trajectory.steps[step.index + 1];
      if (report.outcome === 'performed' && step.action.type !== 'navigate' && next && next.recordedUrl !== step.recordedUrl) {
        await waitForUrlChange(collector, urlBefore, EXPECTED_NAVIGATION_WAIT_MS);
      }
      const light = previous !== undefined && report.outcome === 'performed' && (isLightStep(step, next) || isObservationDeferred(trajectory.steps, step.index));
      // Only a light step leaves its element for the next step to reuse: anything else may have changed the page.
      if (!light) stepContext.lastTarget = undefined;
      const maxWaitMs = Math.max(Math.min(next?.gapMs ?? stepTimeoutMs, stepTimeoutMs), MIN_SETTLE_MS);
      const deferred = isScreenshotDeferred(trajectory.steps, step.index);
      const isLast = step.index === trajectory.steps.length - 1;
      // Decided before the accessibility snapshot, so the screenshot can be taken alongside it: a page whose tree
      // is not provably unchanged counts as changed (a superset of what the finished observation would say).
      const photographs = (readout: PageReadout) => (options.screenshots ?? true) && !deferred && (changedBeforeSnapshot(previous, readout) || unphotographedChange || isLast);
      let state: PageState;
      let quiescenceMs = 0;
      let png: Buffer | undefined;
      if (light && previous) {
        // Requests a light step started are still waited for, so the next step acts on a settled page.
        if (collector.inFlight.size > 0) quiescenceMs = (await waitForQuiescence(collector, maxWaitMs)).quiescenceMs;
        state = previous;
      } else {
        const settled = await observeSettled(collector, {
          maxWaitMs,
          target,
          previous,
          stepPage: page,
          capture: (current, observed) => (photographs(observed) ? screenshotOf(current, observed) : Promise.resolve(undefined)),
        });
        ({ state, quiescenceMs, capture: png } = settled);
      }
      if (collector.crash || disconnected) {
        fail(`${collector.crash ?? 'The browser disconnected.'} Replay stopped at step ${step.index}; the session cannot be compared past this point.`);
        break;
      }
      const events = await collector.drain();
      const observation: StepObservation = {
        index: step.index,
        action: step.action,
        outcome: report.outcome,
        url: state.url,
        title: state.title,
        aria: state.aria,
        text: state.text,
        textDigest: state.textDigest,
        requests: events.requests,
        consoleErrors: events.consoleErrors,
        pageErrors: events.pageErrors,
        dialogs: events.dialogs,
        quiescenceMs,
        durationMs: 0,
      };
      if (report.outcomeReason) observation.outcomeReason = report.outcomeReason;
      if (report.matchedBy) observation.matchedBy = report.matchedBy;
      if (events.notes.length) observation.notes = events.notes;
      if (!light && deferred) unphotographedChange ||= changedSince(previous, state);
      else if (!light && png) unphotographedChange = false;
      if (png) {
        const saved = options.saveBlob(new Uint8Array(png), 'image/png').then((key) => void (observation.screenshot = key));
        saving.push(saved.catch((error: unknown) => void (saveError ??= error)));
      }
      observation.durationMs = Date.now() - stepStarted;
      result.steps.push(observation);
      previous = state;
    }
    await Promise.all(saving);
    if (saveError) throw new Error(`a screenshot could not be stored: ${(saveError as Error).message ?? saveError}`);
  } catch (error) {
    fail(
      disconnected
        ? `The browser disconnected during replay of session ${trajectory.sessionId}: ${(error as Error).message}`
        : `Replay of session ${trajectory.sessionId} against ${target} failed at step ${result.steps.length}: ${(error as Error).message}`,
    );
  } finally {
    browser.off('disconnected', onDisconnect);
    await Promise.all(saving);
    await context?.close().catch(() => undefined);
    result.durationMs = Date.now() - startedAt;
  }
  return result;
}

function changedBeforeSnapshot(previous: PageState | undefined, readout: PageReadout): boolean {
  return !previous || previous.url !== readout.url || previous.textDigest !== readout.textDigest || !readout.ariaReused;
}

function changedSince(previous: PageState | undefined, state: PageState): boolean {
  return !previous || previous.url !== state.url || previous.textDigest !== state.textDigest || previous.aria !== state.aria;
}

function firstLoadProblem(report: StepOutcomeReport & { error?: string }, label: string, url: string, path: string): string | undefined {
  if (report.error) return `${label} ${url} could not be loaded as the first page ${path}: ${report.error}. Check that the deployment is up and reachable from the replayer.`;
  if (report.outcome !== 'performed') return `${label} ${url} did not load the first page ${path}: ${report.outcomeReason ?? report.outcome}. Check that the deployment is up and answers quickly.`;
  if (report.status !== undefined && report.status >= 500) return `${label} ${url} answered ${report.status} on the first page ${path}. The deployment is failing; replay needs the first page to load.`;
  return undefined;
}

/** Turns a hung action into a 'timed-out' outcome instead of a hung session; thrown navigation errors become `error`. */
async function withTimeout(work: Promise<StepOutcomeReport>, timeoutMs: number, actionType: string): Promise<StepOutcomeReport & { error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StepOutcomeReport>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'timed-out', outcomeReason: `The ${actionType} step did not finish within ${timeoutMs} ms.` }), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    const message = String((error as Error).message ?? error).split('\n')[0];
    return { outcome: 'error', outcomeReason: `The ${actionType} step failed: ${message}`, error: message };
  } finally {
    clearTimeout(timer);
  }
}
