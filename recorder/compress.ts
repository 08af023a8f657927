// Encodes a sealed batch for the wire: fnv1a checksum of the events text, the envelope around it, gzip through the
// browser's native CompressionStream (zero bundle cost; the server detects gzip by magic bytes).
// All three run in a worker when one can start: for a 440 KB full snapshot they cost the host page ~4 ms of hashing
// and ~15 ms of gzip otherwise (bench/recorder, issue #8); the main thread only hands over the events text. Pages
// whose CSP forbids blob: workers, and browsers without CompressionStream, do the same work inline.
import { fnv1a } from '../protocol/ingest.js';
import { batchBody, type SealedBatch } from './outbox.js';

type Encoded = Uint8Array<ArrayBuffer> | string;

interface EncodeJob {
  id: number;
  batch: SealedBatch;
  formatVersion: number;
  sentAt: number;
}

interface EncodeReply {
  id: number;
  bytes?: Uint8Array<ArrayBuffer>;
  checksum?: string;
  error?: string;
}

// The worker runs the very functions the inline path uses: both are self-contained, so their source text stands
// alone in the worker's scope (minified or not).
const WORKER_SOURCE = `const fnv1a = ${fnv1a};
const batchBody = ${batchBody};
onmessage = async (event) => {
  const { id, batch, formatVersion, sentAt } = event.data;
  try {
    const checksum = fnv1a(batch.eventsJson);
    const body = batchBody(batch, checksum, formatVersion, sentAt);
    const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    postMessage({ id, bytes, checksum }, [bytes.buffer]);
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};`;

interface Pending {
  job: EncodeJob;
  resolve(value: Encoded | PromiseLike<Encoded>): void;
}

let worker: Worker | undefined;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, Pending>();

/** The envelope as plain JSON text, checksum computed here if no one has yet: for sendBeacon, which is synchronous. */
export function plainBody(batch: SealedBatch, formatVersion: number, sentAt: number): string {
  batch.checksum ??= fnv1a(batch.eventsJson);
  return batchBody(batch, batch.checksum, formatVersion, sentAt);
}

async function encodeInline(job: EncodeJob): Promise<Encoded> {
  const text = plainBody(job.batch, job.formatVersion, job.sentAt);
  if (typeof CompressionStream === 'undefined') return text;
  try {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return text;
  }
}

/** The worker could not start or broke: everything it still holds is encoded inline instead. */
function abandonWorker(): void {
  workerFailed = true;
  worker?.terminate();
  worker = undefined;
  for (const [id, { job, resolve }] of pending) {
    pending.delete(id);
    resolve(encodeInline(job));
  }
}

function onWorkerReply(event: MessageEvent<EncodeReply>): void {
  const entry = pending.get(event.data.id);
  if (!entry) return;
  pending.delete(event.data.id);
  const { bytes, checksum } = event.data;
  if (!bytes || !checksum) return entry.resolve(encodeInline(entry.job));
  entry.job.batch.checksum = checksum; // spares a later beacon of the same batch the hashing
  entry.resolve(bytes);
}

function startWorker(): Worker | undefined {
  if (worker || workerFailed) return worker;
  try {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
    worker.onerror = abandonWorker;
    worker.onmessage = onWorkerReply;
  } catch {
    workerFailed = true; // CSP without blob: in worker-src, or no Worker at all
    worker = undefined;
  }
  return worker;
}

/** The request body for a batch: gzip bytes when the browser can compress, plain JSON text otherwise. */
export function encodeBatch(batch: SealedBatch, formatVersion: number, sentAt: number): Promise<Encoded> {
  const job: EncodeJob = { id: nextId++, batch, formatVersion, sentAt };
  const target = typeof CompressionStream !== 'undefined' && typeof Worker === 'function' ? startWorker() : undefined;
  if (!target) return encodeInline(job);
  return new Promise((resolve) => {
    pending.set(job.id, { job, resolve });
    // Only the fields the worker reads: structured clone of the events text is a copy, not a serialization.
    const { sessionId, seq, eventsJson } = batch;
    target.postMessage({ id: job.id, batch: { sessionId, seq, eventsJson }, formatVersion, sentAt });
  });
}
