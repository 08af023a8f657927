// Event arrays generated once, before the clock starts, and reused under many session ids: a simulated
// recorder then only pays what a real one pays per batch (serialize the envelope, gzip), so the load
// generator does not starve the server of CPU on a small machine.
import { checksumEvents, RECORDING_FORMAT_VERSION, type IngestBatch } from '../../protocol/index.js';
import { BATCHES_PER_SESSION, SimulatedSession } from './realisticBatches.js';

export interface EventsTemplate {
  /** The events array as JSON text. */
  json: string;
  checksum: string;
  eventCount: number;
}

export interface TemplatePool {
  /** seq 0 of a session: Meta, FullSnapshot, context, identify, then incremental events. */
  openings: EventsTemplate[];
  incremental: EventsTemplate[];
}

const SOURCE_SESSIONS = 4;

export function buildTemplatePool(): TemplatePool {
  const pool: TemplatePool = { openings: [], incremental: [] };
  for (let index = 0; index < SOURCE_SESSIONS; index++) {
    const session = new SimulatedSession(`bench-template-${index}`, 1000 + index, 1_760_000_000_000 + index * 3_600_000);
    while (!session.done) {
      const batch = session.nextBatch();
      const template = { json: JSON.stringify(batch.events), checksum: checksumEvents(batch.events), eventCount: batch.events.length };
      (batch.seq === 0 ? pool.openings : pool.incremental).push(template);
    }
  }
  return pool;
}

export function templateFor(pool: TemplatePool, sessionNumber: number, seq: number): EventsTemplate {
  if (seq === 0) return pool.openings[sessionNumber % pool.openings.length]!;
  return pool.incremental[(sessionNumber * BATCHES_PER_SESSION + seq) % pool.incremental.length]!;
}

/** The IngestBatch JSON text, built around the template's events without re-serializing them. */
export function batchBody(template: EventsTemplate, sessionId: string, seq: number): string {
  return `{"formatVersion":${RECORDING_FORMAT_VERSION},"sessionId":"${sessionId}","seq":${seq},"checksum":"${template.checksum}","sentAt":${Date.now()},"events":${template.json}}`;
}

export function batchOf(template: EventsTemplate, sessionId: string, seq: number): IngestBatch {
  return JSON.parse(batchBody(template, sessionId, seq)) as IngestBatch;
}
