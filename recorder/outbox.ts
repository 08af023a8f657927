// Sealed batches waiting for acknowledgement. Mirrored to sessionStorage when the page goes away, so a reload
// resends them with their original seq.
import { OUTBOX_MAX_BYTES } from './options.js';

export interface SealedBatch {
  sessionId: string;
  seq: number;
  /** JSON array text of the events. */
  eventsJson: string;
  /**
   * fnv1a(eventsJson), filled in when first computed: by the compression worker at send time, so a 440 KB full
   * snapshot costs the host page no hashing (bench/recorder, issue #8). Never trusted from storage: see restore().
   */
  checksum?: string;
}

const OUTBOX_KEY = 'reprise.outbox';

/**
 * The ingest envelope, events last. Self-contained (only JSON.stringify) because compress.ts also runs its source
 * text inside the compression worker.
 */
export function batchBody(batch: SealedBatch, checksum: string, formatVersion: number, sentAt: number): string {
  const { sessionId, seq } = batch;
  return `{"formatVersion":${formatVersion},"sessionId":${JSON.stringify(sessionId)},"seq":${seq},` +
    `"checksum":"${checksum}","sentAt":${sentAt},"events":${batch.eventsJson}}`;
}

export class Outbox {
  private batches: SealedBatch[] = [];

  get pending(): readonly SealedBatch[] {
    return this.batches;
  }

  add(batch: SealedBatch): void {
    this.batches.push(batch);
  }

  remove(batch: SealedBatch): void {
    this.batches = this.batches.filter((b) => b !== batch);
  }

  /** Keeps the newest batches within the storage budget; older ones are dropped and counted. */
  persist(): number {
    let bytes = 0;
    let firstKept = this.batches.length;
    while (firstKept > 0 && bytes + this.batches[firstKept - 1].eventsJson.length < OUTBOX_MAX_BYTES) {
      bytes += this.batches[firstKept - 1].eventsJson.length;
      firstKept--;
    }
    const stored = this.batches.slice(firstKept);
    try {
      if (stored.length) sessionStorage.setItem(OUTBOX_KEY, JSON.stringify(stored));
      else sessionStorage.removeItem(OUTBOX_KEY);
    } catch {
      return this.batches.length;
    }
    return firstKept;
  }

  restore(): void {
    try {
      const stored = JSON.parse(sessionStorage.getItem(OUTBOX_KEY) || '[]') as SealedBatch[];
      sessionStorage.removeItem(OUTBOX_KEY);
      const known = new Set(this.batches.map((b) => `${b.sessionId}/${b.seq}`));
      // The checksum is recomputed from the events at send time, whatever an earlier page or version stored.
      const restored = stored
        .filter((b) => !known.has(`${b.sessionId}/${b.seq}`))
        .map(({ sessionId, seq, eventsJson }) => ({ sessionId, seq, eventsJson }));
      this.batches.unshift(...restored);
    } catch {
      // Corrupt storage: those batches are lost, recording goes on.
    }
  }
}
