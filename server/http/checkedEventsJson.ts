// The batch checksum is fnv1a of the events JSON text. The recorder builds its envelope around that very text,
// so hashing the span of the body that holds the events is enough, and avoids serializing the parsed events
// again (issue #3: that JSON.stringify was one of the largest costs of an ingest request). Other clients (a
// different key order, pretty-printed JSON, or events with extra members) go through the canonical path.
import { fnv1a, ingestBatchSchema, recordedEventSchema, type IngestBatch } from '../../protocol/index.js';
import { HttpError } from './httpError.js';
import type { TextSpan } from './scanTopLevel.js';

export interface CheckedEventsJson {
  /** JSON text of the events whose fnv1a is the batch checksum. */
  json: string;
  /**
   * True when `json` is the body's own text and the body holds nothing the schema dropped: then a stored copy of
   * the body reads back as the validated events.
   */
  verbatim: boolean;
}

const BATCH_MEMBERS = new Set(Object.keys(ingestBatchSchema.shape));
const EVENT_MEMBERS = new Set(Object.keys(recordedEventSchema.shape));

/**
 * Checks the batch checksum against the events and returns their JSON text. `bodyText` is the request body,
 * `eventsSpan` where its top-level `events` value lies (see scanTopLevel), `parsedBody` the body as JSON.parse
 * built it (before zod), `batch` the validated batch.
 * Throws 422 CHECKSUM_MISMATCH when neither the body's text nor the canonical serialization matches.
 */
export function checkedEventsJson(bodyText: string, eventsSpan: TextSpan | undefined, parsedBody: unknown, batch: IngestBatch): CheckedEventsJson {
  const verbatim = eventsSpan && verbatimEventsJson(bodyText.slice(eventsSpan.start, eventsSpan.end), parsedBody, batch.checksum);
  if (verbatim !== undefined) return { json: verbatim, verbatim: true };
  const json = JSON.stringify(batch.events);
  const checksum = fnv1a(json);
  if (checksum !== batch.checksum) {
    throw new HttpError(422, 'CHECKSUM_MISMATCH', `Batch ${batch.sessionId}#${batch.seq}: checksum ${batch.checksum} does not match the events (${checksum}); the body was altered or truncated. Resend the batch.`);
  }
  return { json, verbatim: false };
}

function verbatimEventsJson(json: string, parsedBody: unknown, checksum: string): string | undefined {
  // zod drops members the schemas do not know: the body's text must not hold any, or it would store (and vouch
  // for) more than was validated.
  if (!hasOnlyMembers(parsedBody, BATCH_MEMBERS)) return undefined;
  const events = (parsedBody as { events?: unknown }).events;
  if (!Array.isArray(events) || !events.every((event) => hasOnlyMembers(event, EVENT_MEMBERS))) return undefined;
  return fnv1a(json) === checksum ? json : undefined;
}

function hasOnlyMembers(value: unknown, members: Set<string>): boolean {
  if (value === null || typeof value !== 'object') return false;
  for (const member in value) if (!members.has(member)) return false;
  return true;
}
