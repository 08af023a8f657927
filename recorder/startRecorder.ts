// Wires rrweb, Reprise's captures and the transport together for one page load.
import { record } from '@rrweb/record';
import type { CustomPayloads, CustomTagName, StoppedRecord } from '../protocol/customEvents.js';
import { CustomTag } from '../protocol/customEvents.js';
import { EventType, IncrementalSource, type RecordedEvent } from '../protocol/rrweb.js';
import { BatchSender } from './batchSender.js';
import { captureActions } from './captureActions.js';
import { captureConsole } from './captureConsole.js';
import { captureFetch } from './captureFetch.js';
import { captureRoutes } from './captureRoutes.js';
import { captureXhr } from './captureXhr.js';
import { contextRecord } from './contextRecord.js';
import { EventBuffer } from './eventBuffer.js';
import { debugLog, errorSink, guard } from './guard.js';
import {
  MAX_BYTES_PER_FLUSH, MAX_EVENTS_PER_FLUSH, MUTATION_LIMIT_PER_WINDOW, resolveOptions, type RecorderOptions,
} from './options.js';
import { rrwebOptions } from './rrwebOptions.js';
import { isExpired, loadSession, newSession, saveSession } from './sessionState.js';

type Flags = Record<string, string | number | boolean>;

export interface RecorderHandle {
  identify(userId: string, accountId?: string, traits?: Flags): void;
  track(name: string, properties?: Flags): void;
  setFlags(flags: Flags): void;
  setAppVersion(version: string): void;
  flush(): Promise<void>;
  stop(): void;
  getSessionId(): string | undefined;
}

const SESSION_SAVE_INTERVAL_MS = 5_000;

function mutationCount(data: { adds?: unknown[]; removes?: unknown[]; texts?: unknown[]; attributes?: unknown[] }): number {
  return (data.adds?.length || 0) + (data.removes?.length || 0) + (data.texts?.length || 0) + (data.attributes?.length || 0);
}

export function startRecorder(input: RecorderOptions): RecorderHandle {
  const options = resolveOptions(input);
  errorSink.onError = options.onError;
  let appVersion = options.appVersion;
  let flags = options.flags;
  let session = loadSession(options.sampleRate, Date.now(), options.idleTimeoutMs);
  saveSession(session);
  const buffer = new EventBuffer();
  const nativeFetch = window.fetch;
  const sender = new BatchSender(options, nativeFetch);
  sender.outbox.restore();

  let mutationsInWindow = 0;
  let halted = !session.sampled;
  let lastSavedAt = 0;
  const pending: [string, unknown][] = [];
  const teardown: (() => void)[] = [];

  function seal(): void {
    const eventsJson = buffer.take();
    mutationsInWindow = 0;
    if (!eventsJson) return;
    // The checksum (fnv1a of this text, i.e. checksumEvents(events)) is computed at send time, in the worker.
    sender.enqueue({ sessionId: session.id, seq: session.nextSeq++, eventsJson });
    saveSession(session);
  }

  function flush(): Promise<void> {
    seal();
    return sender.drain();
  }

  function emitCustom<T extends CustomTagName>(tag: T, payload: CustomPayloads[T]): void {
    if (halted) return;
    try {
      record.addCustomEvent(tag, payload);
    } catch {
      pending.push([tag, payload]); // rrweb has not taken its first snapshot yet
    }
  }

  const emitPending = guard('emit pending', () => {
    for (const [tag, payload] of pending.splice(0)) record.addCustomEvent(tag, payload);
  });

  const onEvent = guard('buffer event', (event: RecordedEvent) => {
    if (halted) return;
    if (event.type === EventType.IncrementalSnapshot) {
      if (event.data.source === IncrementalSource.Input && !event.data.userTriggered) return;
      if (event.data.source === IncrementalSource.Mutation) {
        mutationsInWindow += mutationCount(event.data);
        if (mutationsInWindow > MUTATION_LIMIT_PER_WINDOW) return killSwitch();
      }
    }
    buffer.add(event);
    if (event.type === EventType.FullSnapshot && pending.length) queueMicrotask(emitPending);
    if (buffer.size >= MAX_EVENTS_PER_FLUSH || buffer.byteLength >= MAX_BYTES_PER_FLUSH) void flush();
  });

  function killSwitch(): void {
    emitCustom(CustomTag.stopped, { reason: 'mutation-limit', detail: `more than ${MUTATION_LIMIT_PER_WINDOW} mutations in one batch window` });
    halted = true;
    // Tear down outside rrweb's own emit call stack.
    setTimeout(() => stop(), 0);
  }

  function noteActivity(): void {
    const now = Date.now();
    if (isExpired(session, now, options.idleTimeoutMs)) {
      seal();
      session = newSession(1, now);
      record.takeFullSnapshot();
      emitCustom(CustomTag.context, contextRecord(appVersion, flags, options.storageAllowList));
    }
    session.lastActivityAt = now;
    if (now - lastSavedAt > SESSION_SAVE_INTERVAL_MS) {
      lastSavedAt = now;
      saveSession(session);
    }
  }

  const onPageHide = guard('page hide', (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    seal();
    saveSession(session);
    sender.beaconAll();
  });

  function stop(reason: StoppedRecord['reason'] = 'manual'): void {
    if (reason === 'manual') emitCustom(CustomTag.stopped, { reason });
    halted = true;
    for (const undo of teardown.splice(0)) guard('stop', undo)();
    void flush();
  }

  if (!halted) {
    const stopRrweb = record(rrwebOptions(onEvent, options.maskAllInputs));
    if (stopRrweb) teardown.push(stopRrweb);
    teardown.push(
      captureActions({
        mirror: record.mirror,
        maskAllInputs: options.maskAllInputs,
        emitAction: (action) => {
          noteActivity();
          emitCustom(CustomTag.action, action);
        },
      }),
      captureRoutes((route) => emitCustom(CustomTag.route, route)),
      captureConsole({
        emitConsole: (entry) => emitCustom(CustomTag.console, entry),
        emitError: (entry) => emitCustom(CustomTag.error, entry),
      }),
    );
    const networkSink = {
      emitNetwork: (entry: CustomPayloads['reprise.network']) => emitCustom(CustomTag.network, entry),
      isOwnRequest: (url: string) => url.startsWith(`${options.endpoint}/api/ingest`),
      bodies: options.networkBodies,
      bodyMaxBytes: options.networkBodyMaxBytes,
    };
    teardown.push(captureFetch(networkSink), captureXhr(networkSink));
    emitCustom(CustomTag.context, contextRecord(appVersion, flags, options.storageAllowList));
    const timer = setInterval(guard('flush timer', () => void flush()), options.flushIntervalMs);
    addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onPageHide);
    teardown.push(() => {
      clearInterval(timer);
      removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onPageHide);
    });
    if (__DEBUG__) debugLog('recording session', session.id, 'from seq', session.nextSeq);
  }
  // Batches left over from the previous page of this tab go out even when this page is not recorded.
  if (sender.outbox.pending.length) void sender.drain();

  const emitContext = () => emitCustom(CustomTag.context, contextRecord(appVersion, flags, options.storageAllowList));
  return {
    identify: guard('identify', (userId: string, accountId?: string, traits?: Flags) =>
      emitCustom(CustomTag.identify, { userId, ...(accountId ? { accountId } : {}), ...(traits ? { traits } : {}) }),
    ),
    track: guard('track', (name: string, properties?: Flags) =>
      emitCustom(CustomTag.track, { name, ...(properties ? { properties } : {}) }),
    ),
    setFlags: guard('setFlags', (next: Flags) => {
      flags = { ...flags, ...next };
      emitContext();
    }),
    setAppVersion: guard('setAppVersion', (version: string) => {
      appVersion = version;
      emitContext();
    }),
    flush: () => Promise.resolve().then(flush).catch(() => undefined),
    stop: guard('stop', () => stop()),
    getSessionId: () => (session.sampled ? session.id : undefined),
  };
}
