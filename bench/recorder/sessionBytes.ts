// Bytes a typical session sends: the form flow at a person's pace (mouse moves, clicks, typing), extrapolated to a
// minute as one full snapshot plus the rest of the stream scaled by 60 s / flow duration. Both recorders' events are
// measured the same way (gzip of their JSON); Reprise's real wire bytes (batched, gzip per batch) are shown too.
import type { Browser } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BenchServer } from './benchServer.js';
import type { Variant } from './recorderVariants.js';
import { fillForm, settle } from './scenarios.js';

const FULL_SNAPSHOT = 2;
const MINUTE_MS = 60_000;

export interface SessionBytes {
  variant: Variant;
  durationMs: number;
  events: number;
  /** gzip(JSON of events up to the first full snapshot) + gzip(JSON of the rest) × minute / duration. */
  gzipBytesPerMinute: number;
  jsonBytesPerMinute: number;
  /** Reprise only: request bodies as received for the whole flow (not extrapolated: batches mix snapshot and actions). */
  wireBytes?: number;
  requests?: number;
}

interface RecordedEvent {
  type: number;
}

function perMinute(events: RecordedEvent[], durationMs: number, size: (text: string) => number): number {
  const snapshotEnd = events.findIndex((event) => event.type === FULL_SNAPSHOT) + 1;
  const head = events.slice(0, snapshotEnd);
  const rest = events.slice(snapshotEnd);
  return size(JSON.stringify(head)) + (rest.length ? size(JSON.stringify(rest)) : 0) * (MINUTE_MS / durationMs);
}

const gzipSize = (text: string) => gzipSync(text).length;
const jsonSize = (text: string) => Buffer.byteLength(text);

function repriseEvents(bodies: Buffer[]): RecordedEvent[] {
  const batches = bodies.map((raw) => JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8')));
  return batches.sort((a, b) => a.seq - b.seq).flatMap((batch) => batch.events as RecordedEvent[]);
}

export async function measureSessionBytes(browser: Browser, server: BenchServer, variant: Variant, key: string): Promise<SessionBytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${server.appOrigin}/form?${new URLSearchParams({ variant, key })}`, { waitUntil: 'load' });
    await fillForm(page, { keyDelayMs: 60, mouseSteps: 12 });
    await settle(page, variant);
    const durationMs = performance.now() - started;
    const events: RecordedEvent[] = variant === 'reprise'
      ? repriseEvents(server.tally(key).bodies)
      : await page.evaluate(() => (window as any).__rrwebEvents as RecordedEvent[]);
    if (!events.some((event) => event.type === FULL_SNAPSHOT)) {
      throw new Error(`Bench session bytes (${variant}): expected a full snapshot among ${events.length} recorded events, found none. Is the recorder loading?`);
    }
    const result: SessionBytes = {
      variant,
      durationMs,
      events: events.length,
      gzipBytesPerMinute: perMinute(events, durationMs, gzipSize),
      jsonBytesPerMinute: perMinute(events, durationMs, jsonSize),
    };
    if (variant === 'reprise') {
      result.wireBytes = server.tally(key).bytes;
      result.requests = server.tally(key).requests;
    }
    return result;
  } finally {
    await context.close();
  }
}
