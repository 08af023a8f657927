// Stores an rrweb event array (exported from another tool, or a fixture) as a Reprise session.
import { randomBytes } from 'node:crypto';
import { checksumEvents, RECORDING_FORMAT_VERSION, type RecordedEvent, type SessionSummary } from '../../protocol/index.js';
import type { Store } from '../store/index.js';

export const IMPORT_BATCH_SIZE = 500;

export async function importRrwebEvents(store: Store, projectId: string, events: RecordedEvent[], sessionId?: string): Promise<SessionSummary> {
  const id = sessionId ?? `imported-${randomBytes(9).toString('base64url')}`;
  const ordered = [...events].sort((a, b) => a.timestamp - b.timestamp);
  let summary: SessionSummary | undefined;
  for (let seq = 0; seq * IMPORT_BATCH_SIZE < ordered.length; seq++) {
    const slice = ordered.slice(seq * IMPORT_BATCH_SIZE, (seq + 1) * IMPORT_BATCH_SIZE);
    const result = await store.appendBatch(projectId, {
      formatVersion: RECORDING_FORMAT_VERSION, sessionId: id, seq, checksum: checksumEvents(slice), sentAt: Date.now(), events: slice,
    });
    summary = result.session;
  }
  if (!summary) throw new Error(`Cannot import an empty recording into session ${id}: the event array has no events.`);
  return summary;
}
