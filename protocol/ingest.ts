// The envelope the recorder sends to `POST /api/ingest`. Validated by `ingestBatchSchema` in schemas.ts.
import type { RecordedEvent } from './rrweb.js';

/** Version of the recording format written by this recorder. Stored on every session; see server/store migrations. */
export const RECORDING_FORMAT_VERSION = 1;

export const INGEST_KEY_HEADER = 'x-reprise-key';
/** Largest accepted request body, after decompression. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
export const MAX_EVENTS_PER_BATCH = 5_000;

export interface IngestBatch {
  formatVersion: number;
  /** Chosen by the recorder; stable across page loads of one tab until inactivity ends the session. */
  sessionId: string;
  /** 0-based, increasing by one per batch of the session. Retries reuse the number. */
  seq: number;
  /** `checksumEvents(events)`: lets the server detect corrupted or mismatched retries. */
  checksum: string;
  sentAt: number;
  events: RecordedEvent[];
}

export interface IngestAck {
  ok: true;
  sessionId: string;
  seq: number;
  /** False when this (sessionId, seq) had already been stored: a retry. */
  stored: boolean;
}

/** FNV-1a (32 bit) over the JSON text of the events, hex. Cheap, dependency-free, identical in browser and Node. */
export function checksumEvents(events: readonly RecordedEvent[]): string {
  return fnv1a(JSON.stringify(events));
}

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
