// Builders of ingest batches for server tests. Shapes follow what @rrweb/record and the Reprise recorder emit.
import { checksumEvents, RECORDING_FORMAT_VERSION, type IngestBatch, type RecordedEvent } from '../../../protocol/index.js';

export function custom(tag: string, payload: unknown, timestamp: number): RecordedEvent {
  return { type: 5, data: { tag, payload }, timestamp };
}

export function meta(href: string, timestamp: number): RecordedEvent {
  return { type: 4, data: { href, width: 1280, height: 720 }, timestamp };
}

export function batch(sessionId: string, seq: number, events: RecordedEvent[], formatVersion = RECORDING_FORMAT_VERSION): IngestBatch {
  return { formatVersion, sessionId, seq, checksum: checksumEvents(events), sentAt: Date.now(), events };
}

/** A first batch with a page load, identify and context: enough for every derived summary field. */
export function firstBatch(sessionId: string, options: { userId?: string; start?: number; href?: string; appVersion?: string } = {}): IngestBatch {
  const start = options.start ?? 1_700_000_000_000;
  return batch(sessionId, 0, [
    meta(options.href ?? 'https://shop.example/product/42?color=red', start),
    { type: 2, data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { left: 0, top: 0 } }, timestamp: start + 1 },
    custom('reprise.context', {
      url: options.href ?? 'https://shop.example/product/42?color=red',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      viewport: { width: 1280, height: 720 },
      appVersion: options.appVersion ?? '1.2.3',
      flags: { newCheckout: true },
    }, start + 2),
    ...(options.userId ? [custom('reprise.identify', { userId: options.userId, accountId: 'acct-1' }, start + 3)] : []),
  ]);
}
