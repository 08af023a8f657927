// Event arrays generated once, before the clock starts, and reused under many session ids. A real recorder
// compresses in the customer's browser, not on the server's cores: here the events part of each body is gzipped
// once, and a batch is a small gzip member with its envelope header followed by that member (gzip members
// concatenate; the server's gunzip reads the whole). The server still decompresses, parses, checks and stores every
// byte, while the load generator no longer competes with it for the 2 cores.
import { gzipSync } from 'node:zlib';
import { checksumEvents, RECORDING_FORMAT_VERSION, type IngestBatch } from '../../protocol/index.js';
import { BATCHES_PER_SESSION, SimulatedSession } from './realisticBatches.js';

export interface EventsTemplate {
  /** The events array as JSON text. */
  json: string;
  checksum: string;
  eventCount: number;
  /** gzip of the events text and the envelope's closing brace: the tail of every body built on this template. */
  gzippedTail: Buffer;
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
      const json = JSON.stringify(batch.events);
      const template = { json, checksum: checksumEvents(batch.events), eventCount: batch.events.length, gzippedTail: gzipSync(`${json}}`) };
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
  return `${envelopeHead(template, sessionId, seq)}${template.json}}`;
}

/** The same body gzip-compressed, as a recorder sends it, at the cost of compressing the envelope header only. */
export function gzippedBatchBody(template: EventsTemplate, sessionId: string, seq: number): Buffer {
  return Buffer.concat([gzipSync(envelopeHead(template, sessionId, seq)), template.gzippedTail]);
}

function envelopeHead(template: EventsTemplate, sessionId: string, seq: number): string {
  return `{"formatVersion":${RECORDING_FORMAT_VERSION},"sessionId":"${sessionId}","seq":${seq},"checksum":"${template.checksum}","sentAt":${Date.now()},"events":`;
}

export function batchOf(template: EventsTemplate, sessionId: string, seq: number): IngestBatch {
  return JSON.parse(batchBody(template, sessionId, seq)) as IngestBatch;
}
