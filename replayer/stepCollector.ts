import type { BrowserContext, Page, Request } from 'playwright-core';
import { jsonShape, normalizePath, type NetworkObservation } from '../protocol/index.js';
import { CapturedExchanges } from './capturedExchanges.js';
import type { CapturedExchange } from './fetchBodyCapture.js';

const OBSERVED_RESOURCE_TYPES = new Set(['fetch', 'xhr', 'document']);
/** Requests that never finish by design (streams, long polls) would keep a page from ever looking quiet. */
const QUIESCENCE_IGNORED_TYPES = new Set(['eventsource', 'websocket', 'media', 'other', 'ping']);
export const MAX_SHAPE_BODY_BYTES = 512 * 1024;

export interface StepEvents {
  requests: NetworkObservation[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  notes: string[];
}

/**
 * Listens to every page of a replay context and hands out what happened since the last `drain()`: the
 * requests, console and page errors, dialogs (dismissed so they never block), and popups followed.
 */
export class StepCollector {
  readonly inFlight = new Set<Request>();
  /** Requests started since the context opened (ignored types excluded); tells a step that started none. */
  requestsStarted = 0;
  crash: string | undefined;
  /** The page replay acts on; switches to a popup the app opens. */
  page: Page | undefined;
  private events: StepEvents = emptyEvents();
  private readonly startedAt = new Map<Request, number>();
  private readonly pendingBodies = new Set<Promise<void>>();
  private readonly bodies = new Map<Request, Promise<Buffer | undefined>>();
  private readonly exchanges = new CapturedExchanges();
  private readonly watched = new WeakSet<Page>();
  private readonly requestEndWaiters = new Set<() => void>();

  constructor(private readonly context: BrowserContext, private readonly target: string) {
    context.on('page', (page) => {
      const opener = this.page;
      this.watch(page);
      if (opener) {
        this.page = page;
        this.events.notes.push(`A new tab opened from ${opener.url()}; replay continued in it.`);
      }
    });
  }

  watch(page: Page): void {
    if (this.watched.has(page)) return;
    this.watched.add(page);
    if (!this.page) this.page = page;
    page.on('response', (response) => {
      const request = response.request();
      if (!OBSERVED_RESOURCE_TYPES.has(request.resourceType())) return;
      // Claimed even when a route already supplied the body, so the captured queue stays one-to-one with responses.
      const captured = this.exchanges.take(page, request.method(), request.url(), response.status());
      if (this.bodies.has(request)) return;
      if (captured) return void this.bodies.set(request, captured);
      // Fallback when nothing captured it: this read races a navigation, which may make Chromium forget the body.
      const isJson = (response.headers()['content-type'] ?? '').includes('json');
      if (isJson) this.bodies.set(request, response.body().catch(() => undefined));
    });
    page.on('request', (request) => {
      this.startedAt.set(request, Date.now());
      if (QUIESCENCE_IGNORED_TYPES.has(request.resourceType())) return;
      this.inFlight.add(request);
      this.requestsStarted++;
    });
    page.on('requestfinished', (request) => this.finished(request));
    page.on('requestfailed', (request) => this.finished(request));
    page.on('console', (message) => {
      if (message.type() === 'error' && !isBrowserFaviconError(message.location().url)) this.events.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.events.pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      this.events.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    page.on('download', (download) => {
      // The file itself is not what replay compares; keeping it would only fill the disk.
      this.events.notes.push(`A file download started: ${download.suggestedFilename()} from ${this.observedPath(download.url())}.`);
      download.cancel().catch(() => undefined);
    });
    page.on('crash', () => {
      this.crash = `The page crashed (renderer process gone) at ${page.url()}.`;
    });
    page.on('close', () => {
      if (this.page === page) this.page = this.context.pages().find((other) => other !== page && !other.isClosed());
    });
  }

  /** A response body read elsewhere (see responseBodyCapture.ts), used for the response's JSON shape. */
  captureBody(request: Request, body: Promise<Buffer | undefined>): void {
    this.bodies.set(request, body);
  }

  /** A response read over CDP (see fetchBodyCapture.ts), paired with its Request when that request's `response` event comes. */
  captureExchange(page: Page, exchange: CapturedExchange): void {
    this.exchanges.add(page, exchange);
  }

  /** A note for the current step, from parts of replay outside the page (network stubs). */
  note(text: string): void {
    this.events.notes.push(text);
  }

  /** Resolves when the next request finishes or fails, or after `maxMs`: a wait for quiet reacts at once. */
  nextRequestEnd(maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.requestEndWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, maxMs);
      this.requestEndWaiters.add(wake);
    });
  }

  /** What happened since the last call; waits briefly for response bodies still being read. */
  async drain(): Promise<StepEvents> {
    await Promise.race([Promise.all(this.pendingBodies), new Promise((resolve) => setTimeout(resolve, 1_000))]);
    const events = this.events;
    this.events = emptyEvents();
    return events;
  }

  private finished(request: Request): void {
    this.inFlight.delete(request);
    for (const wake of [...this.requestEndWaiters]) wake();
    const startedAt = this.startedAt.get(request) ?? Date.now();
    this.startedAt.delete(request);
    if (!OBSERVED_RESOURCE_TYPES.has(request.resourceType())) return;
    const observation: NetworkObservation = {
      method: request.method(),
      path: this.observedPath(request.url()),
      status: 0,
      resourceType: request.resourceType(),
      durationMs: Date.now() - startedAt,
    };
    const failure = request.failure();
    if (failure) observation.failure = failure.errorText;
    this.events.requests.push(observation);
    if (failure) {
      this.bodies.delete(request);
      return;
    }
    const reading = this.readResponse(request, observation).finally(() => this.pendingBodies.delete(reading));
    this.pendingBodies.add(reading);
  }

  private async readResponse(request: Request, observation: NetworkObservation): Promise<void> {
    const response = await request.response().catch(() => null);
    if (!response) return;
    observation.status = response.status();
    const body = await this.bodies.get(request);
    this.bodies.delete(request);
    if (!body || body.byteLength > MAX_SHAPE_BODY_BYTES) return;
    try {
      observation.responseShape = jsonShape(JSON.parse(body.toString('utf8')));
    } catch {
      observation.responseShape = 'unparseable';
    }
  }

  private observedPath(url: string): string {
    try {
      const parsed = new URL(url);
      const base = new URL(this.target);
      const prefix = base.pathname.replace(/\/+$/, '');
      if (parsed.origin !== base.origin) return `${parsed.origin}${normalizePath(parsed.pathname + parsed.search)}`;
      const path = prefix && parsed.pathname.startsWith(`${prefix}/`) ? parsed.pathname.slice(prefix.length) : parsed.pathname;
      return normalizePath(path + parsed.search);
    } catch {
      return url;
    }
  }
}

/**
 * Chromium fetches /favicon.ico by itself some time after a load and logs its 404 as a console error. The app made
 * no such request, and when the log lands (this step or the next) is timing, so it would only add noise.
 */
function isBrowserFaviconError(url: string): boolean {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

function emptyEvents(): StepEvents {
  return { requests: [], consoleErrors: [], pageErrors: [], dialogs: [], notes: [] };
}
