// One stored chunk per ingest batch: gzip of either the events array JSON (what the store compresses itself) or
// the recorder's whole envelope `{ ..., "events": [...] }` (its gzip request body, kept as is since issue #3).
// Both read back as the batch's events; what a chunk holds is told apart by its first character.
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { IngestBatch, RecordedEvent } from '../../protocol/index.js';
import { StoreError } from './errors.js';
import { upgradeEvents } from './recordingFormat.js';
import type { AppendOptions } from './store.js';

const gzipAsync = promisify(gzip);
// Not fatal: ingest already refused invalid UTF-8. It drops a leading byte order mark, as ingest's decoder did.
const utf8 = new TextDecoder('utf-8');

/** The bytes to store for `batch`. Compresses on libuv's thread pool: on the event loop it costs more than the commit. */
export async function encodeChunk(batch: IngestBatch, options: AppendOptions = {}): Promise<Buffer> {
  return options.envelopeGzip ?? gzipAsync(options.eventsJson ?? JSON.stringify(batch.events));
}

/** The events of a stored chunk, upgraded from `formatVersion` (the batch's, stored beside the chunk). */
export function decodeChunk(chunk: Uint8Array, formatVersion: number): RecordedEvent[] {
  const text = utf8.decode(gunzipSync(chunk));
  const stored: unknown = JSON.parse(text);
  const events = Array.isArray(stored) ? stored : (stored as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) {
    throw new StoreError('FORMAT_INVALID', `Cannot read a stored chunk: expected an events array or an object with "events", found ${text.slice(0, 40)}…. The chunk was not written by Reprise's ingest.`);
  }
  return upgradeEvents(events as RecordedEvent[], formatVersion);
}
