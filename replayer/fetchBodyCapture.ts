import type { BrowserContext, CDPSession, Page } from 'playwright-core';

// The parts of the DevTools Fetch domain used here (playwright-core does not export its Protocol types).
interface HeaderEntry {
  name: string;
  value: string;
}
interface RequestPaused {
  requestId: string;
  request: { method: string; url: string };
  responseErrorReason?: string;
  responseStatusCode?: number;
  responseHeaders?: HeaderEntry[];
}
interface RequestPattern {
  urlPattern: string;
  resourceType: 'Fetch' | 'XHR';
  requestStage: 'Response';
}

/** One fetch/xhr response as Chromium handed it over at the response stage; `body` is undefined unless JSON. */
export interface CapturedExchange {
  method: string;
  url: string;
  status: number;
  body: Promise<Buffer | undefined>;
}

export interface FetchBodyCaptureOptions {
  /** Bodies announced larger than this (Content-Length) are not read; the collector would drop them anyway. */
  maxBodyBytes: number;
  onExchange: (page: Page, exchange: CapturedExchange) => void;
}

/** Only fetch/xhr pause, and only once their response headers are in: documents, scripts, styles, images and fonts never leave the browser. */
const RESPONSE_STAGE_PATTERNS: RequestPattern[] = [
  { urlPattern: '*', resourceType: 'Fetch', requestStage: 'Response' },
  { urlPattern: '*', resourceType: 'XHR', requestStage: 'Response' },
];

/**
 * Reads fetch/xhr JSON bodies in live mode through the DevTools Fetch domain, one CDP session per page (#4).
 * Why not `context.route('**')`: a route pauses every request of the page in Node and makes Playwright disable
 * the HTTP cache. Why not the `response` event alone: Chromium forgets a body once the page navigates, which is
 * what an app does right after a form POST; here the body is read while the response is still paused, before
 * the page can see it. Every paused request is continued, whatever fails, or the page would hang.
 */
export class FetchBodyCapture {
  private readonly attached = new WeakMap<Page, Promise<void>>();

  constructor(context: BrowserContext, private readonly options: FetchBodyCaptureOptions) {
    // Pages the app opens later (popups, target=_blank). Their first requests may answer before the session is
    // attached; the collector's `response` event still reads those, with the navigation race the old way had.
    context.on('page', (page) => void this.attach(context, page));
  }

  /** Idempotent; await it for the first page so its first navigation is already covered. */
  attach(context: BrowserContext, page: Page): Promise<void> {
    let attaching = this.attached.get(page);
    if (!attaching) {
      // A page closed before its session attached has nothing left to capture; the `response` fallback covers the rest.
      attaching = this.enable(context, page).catch(() => undefined);
      this.attached.set(page, attaching);
    }
    return attaching;
  }

  private async enable(context: BrowserContext, page: Page): Promise<void> {
    const session = await context.newCDPSession(page);
    session.on('Fetch.requestPaused', (event) => this.paused(page, session, event));
    await session.send('Fetch.enable', { patterns: RESPONSE_STAGE_PATTERNS });
  }

  private paused(page: Page, session: CDPSession, event: RequestPaused): void {
    const status = event.responseStatusCode;
    const readable = !event.responseErrorReason && status !== undefined && !isRedirect(event) && this.isSmallJson(event.responseHeaders ?? []);
    const body = readable ? readBody(session, event.requestId) : Promise.resolve(undefined);
    // Scheduled first so nothing below can leave the request paused; it runs no earlier than the next microtask.
    void body.finally(() => continuePaused(session, event));
    // Announced synchronously, so before the continue: Playwright's `response` event for this request comes after it.
    if (status !== undefined && !event.responseErrorReason) this.options.onExchange(page, { method: event.request.method, url: event.request.url, status, body });
  }

  private isSmallJson(headers: HeaderEntry[]): boolean {
    if (!(header(headers, 'content-type') ?? '').includes('json')) return false;
    const length = Number(header(headers, 'content-length') ?? 0);
    return !(length > this.options.maxBodyBytes);
  }
}

async function readBody(session: CDPSession, requestId: string): Promise<Buffer | undefined> {
  try {
    const { body, base64Encoded } = await session.send('Fetch.getResponseBody', { requestId });
    return Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
  } catch {
    // The page or request went away meanwhile; the observation simply has no shape.
    return undefined;
  }
}

/** continueResponse is the response-stage verb; a request paused with a network error only accepts continueRequest. */
async function continuePaused(session: CDPSession, event: RequestPaused): Promise<void> {
  const { requestId } = event;
  if (!event.responseErrorReason) {
    const continued = await session.send('Fetch.continueResponse', { requestId }).then(() => true, () => false);
    if (continued) return;
  }
  // A closed page or detached session rejects too: nothing is left paused then.
  await session.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
}

/** Chromium pauses redirects at the response stage too; they have no body to read. */
function isRedirect(event: RequestPaused): boolean {
  const status = event.responseStatusCode ?? 0;
  return status >= 300 && status < 400 && header(event.responseHeaders ?? [], 'location') !== undefined;
}

function header(headers: HeaderEntry[], name: string): string | undefined {
  return headers.find((entry) => entry.name.toLowerCase() === name)?.value;
}
