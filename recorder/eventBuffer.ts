// Holds events as JSON text until a flush: serialized once, measured once, joined into the batch body as is.
import type { RecordedEvent } from '../protocol/rrweb.js';

export class EventBuffer {
  private parts: string[] = [];
  private bytes = 0;

  get size(): number {
    return this.parts.length;
  }

  get byteLength(): number {
    return this.bytes;
  }

  add(event: RecordedEvent): void {
    const json = JSON.stringify(event);
    this.parts.push(json);
    this.bytes += json.length;
  }

  /** Returns the events as a JSON array text, identical to `JSON.stringify(events)`, and empties the buffer. */
  take(): string | undefined {
    if (!this.parts.length) return undefined;
    const json = `[${this.parts.join(',')}]`;
    this.parts = [];
    this.bytes = 0;
    return json;
  }
}
