// Delivers sealed batches in seq order: encoded (checksum, envelope, gzip) off the main thread when possible,
// retries with backoff and jitter on network errors and 5xx, honours 429 Retry-After, drops on other 4xx, and falls
// back to sendBeacon when the page goes away.
import { RECORDING_FORMAT_VERSION } from '../protocol/ingest.js';
import { encodeBatch, plainBody } from './compress.js';
import { reportError } from './guard.js';
import { IngestRejectedError, IngestUnreachableError } from './ingestErrors.js';
import { KEEPALIVE_MAX_BYTES, type ResolvedOptions } from './options.js';
import { Outbox, type SealedBatch } from './outbox.js';

const MAX_BACKOFF_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

type Outcome = { kind: 'acked' } | { kind: 'rejected'; status: number; detail: string } | { kind: 'retry'; afterMs?: number; cause: string };

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BatchSender {
  readonly outbox = new Outbox();
  private draining: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(
    private readonly options: Pick<ResolvedOptions, 'endpoint' | 'projectKey' | 'retryBaseMs' | 'maxSendAttempts'>,
    /** The fetch that existed before the recorder wrapped it, so a page replacing fetch cannot break delivery. */
    private readonly fetchImpl: typeof fetch,
  ) {}

  enqueue(batch: SealedBatch): void {
    this.outbox.add(batch);
  }

  /** Sends everything queued now; resolves when each batch is acknowledged, dropped, or given up on. */
  drain(): Promise<void> {
    // At most one drain runs and one waits: while the server is down, timer ticks must not pile up drains.
    if (this.queued) return this.queued;
    this.queued = this.draining.then(() => {
      this.queued = undefined;
      return this.drainOnce();
    });
    this.draining = this.queued.catch(() => undefined);
    return this.queued;
  }

  private async drainOnce(): Promise<void> {
    for (const batch of this.outbox.pending.slice()) {
      if (!this.outbox.pending.includes(batch)) continue; // already delivered by a beacon
      const settled = await this.deliver(batch);
      if (!settled) return; // the server is unreachable: later batches would fail the same way
    }
  }

  private async deliver(batch: SealedBatch): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.sendOnce(batch).catch((error): Outcome => ({ kind: 'retry', cause: String(error) }));
      if (outcome.kind === 'acked') {
        this.outbox.remove(batch);
        return true;
      }
      if (outcome.kind === 'rejected') {
        this.outbox.remove(batch);
        reportError(new IngestRejectedError(outcome.status, batch.seq, outcome.detail), 'send batch');
        return true;
      }
      if (attempt >= this.options.maxSendAttempts) {
        reportError(new IngestUnreachableError(batch.seq, attempt, outcome.cause), 'send batch');
        return false;
      }
      const backoff = Math.min(this.options.retryBaseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS) * (0.5 + Math.random());
      await sleep(outcome.afterMs ?? backoff);
    }
  }

  /**
   * A CORS "simple" request: the key in the query (it is public, it is in every recorded page) and no header of our
   * own, so the browser sends no preflight. A preflight is a second request and its main-thread handling on the host
   * page for every first batch of a page (bench/recorder/RESULTS.md, issue #8); the server detects gzip by its bytes.
   */
  private ingestUrl(): string {
    return `${this.options.endpoint}/api/ingest?key=${encodeURIComponent(this.options.projectKey)}`;
  }

  private async sendOnce(batch: SealedBatch): Promise<Outcome> {
    const body = await encodeBatch(batch, RECORDING_FORMAT_VERSION, Date.now());
    const response = await this.fetchImpl.call(window, this.ingestUrl(), {
      method: 'POST',
      body,
      keepalive: body.length < KEEPALIVE_MAX_BYTES,
      credentials: 'omit',
    });
    if (response.ok) return { kind: 'acked' };
    const detail = await response.text().catch(() => '');
    if (response.status === 429) {
      return { kind: 'retry', afterMs: retryAfterMs(response.headers.get('retry-after')), cause: 'HTTP 429' };
    }
    if (response.status >= 500) return { kind: 'retry', cause: `HTTP ${response.status}` };
    return { kind: 'rejected', status: response.status, detail };
  }

  /**
   * Page is going away: hand every pending batch to sendBeacon (synchronous, so plain JSON as text/plain, which needs
   * no CORS preflight) and keep what the browser refuses in sessionStorage for the next load.
   */
  beaconAll(): void {
    const url = this.ingestUrl();
    let budget = KEEPALIVE_MAX_BYTES;
    for (const batch of this.outbox.pending.slice()) {
      const body = plainBody(batch, RECORDING_FORMAT_VERSION, Date.now());
      if (body.length > budget || typeof navigator.sendBeacon !== 'function') continue;
      if (navigator.sendBeacon(url, body)) {
        budget -= body.length;
        this.outbox.remove(batch);
      }
    }
    this.outbox.persist();
  }
}
