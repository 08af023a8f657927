// console.error/warn and uncaught errors ('reprise.console', 'reprise.error'): the first signs of a ticket.
import type { ConsoleRecord, ErrorRecord } from '../protocol/customEvents.js';
import { guard } from './guard.js';
import { takeEarlyErrors } from './pageWitness.js';

const MAX_MESSAGE_CHARS = 2_000;
const MAX_STACK_CHARS = 4_000;

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export interface ConsoleSink {
  emitConsole(record: ConsoleRecord): void;
  emitError(record: ErrorRecord): void;
}

export function captureConsole(sink: ConsoleSink): () => void {
  const originals = { error: console.error, warn: console.warn };
  let inside = false;
  for (const level of ['error', 'warn'] as const) {
    const record = guard('record console', (args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const entry: ConsoleRecord = { level, message: args.map(describeValue).join(' ').slice(0, MAX_MESSAGE_CHARS) };
      if (error?.stack) entry.stack = error.stack.slice(0, MAX_STACK_CHARS);
      sink.emitConsole(entry);
    });
    console[level] = function (this: Console, ...args: unknown[]) {
      // Re-entrancy: anything logged while recording a log (rrweb warnings, onError) is not recorded again.
      if (!inside) {
        inside = true;
        record(args);
        inside = false;
      }
      return originals[level].apply(this, args);
    };
  }
  const onError = guard('record error', (event: ErrorEvent | Event) => {
    if (!(event instanceof ErrorEvent)) return; // resource load failures: the network record covers them
    const entry: ErrorRecord = { kind: 'error', message: String(event.message).slice(0, MAX_MESSAGE_CHARS) };
    if (event.error?.stack) entry.stack = String(event.error.stack).slice(0, MAX_STACK_CHARS);
    if (event.filename) entry.source = `${event.filename}:${event.lineno}:${event.colno}`;
    sink.emitError(entry);
  });
  const onRejection = guard('record rejection', (event: PromiseRejectionEvent) => {
    const reason = event.reason;
    const entry: ErrorRecord = { kind: 'unhandledrejection', message: describeValue(reason).slice(0, MAX_MESSAGE_CHARS) };
    if (reason?.stack) entry.stack = String(reason.stack).slice(0, MAX_STACK_CHARS);
    sink.emitError(entry);
  });
  addEventListener('error', onError, true);
  addEventListener('unhandledrejection', onRejection);
  // What the inline loader kept from before the recorder loaded: reported now, with the recorder's start time.
  for (const event of takeEarlyErrors()) {
    if (event.type === 'unhandledrejection') onRejection(event as PromiseRejectionEvent);
    else onError(event);
  }
  return () => {
    console.error = originals.error;
    console.warn = originals.warn;
    removeEventListener('error', onError, true);
    removeEventListener('unhandledrejection', onRejection);
  };
}
