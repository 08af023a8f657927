// Public surface of the Reprise recorder (dist/recorder.esm.js). One recorder per page; calls before init() or
// after a sampled-out decision are no-ops, and nothing here throws into the host page.
import { errorSink, reportError } from './guard.js';
import type { RecorderOptions } from './options.js';
import { startRecorder, type RecorderHandle } from './startRecorder.js';

export type { RecorderOptions } from './options.js';
export type { RecorderHandle } from './startRecorder.js';
export { IngestRejectedError, IngestUnreachableError } from './ingestErrors.js';

type Flags = Record<string, string | number | boolean>;

let active: RecorderHandle | undefined;

export function init(options: RecorderOptions): void {
  if (active) return;
  try {
    active = startRecorder(options);
  } catch (error) {
    errorSink.onError = options.onError;
    reportError(error, 'init');
  }
}

export function identify(userId: string, accountId?: string, traits?: Flags): void {
  active?.identify(userId, accountId, traits);
}

export function track(name: string, properties?: Flags): void {
  active?.track(name, properties);
}

export function setFlags(flags: Flags): void {
  active?.setFlags(flags);
}

export function setAppVersion(version: string): void {
  active?.setAppVersion(version);
}

export function flush(): Promise<void> {
  return active ? active.flush() : Promise.resolve();
}

export function stop(): void {
  active?.stop();
  active = undefined;
}

export function getSessionId(): string | undefined {
  return active?.getSessionId();
}
