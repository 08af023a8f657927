// 'reprise.context': what replay needs to reproduce the page's starting conditions.
import type { ContextRecord } from '../protocol/customEvents.js';

function pickStorage(storage: Storage, allowList: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of allowList) {
    const value = storage.getItem(key);
    if (value !== null) picked[key] = value;
  }
  return picked;
}

export function contextRecord(
  appVersion: string | undefined,
  flags: ContextRecord['flags'],
  storageAllowList: readonly string[],
): ContextRecord {
  const context: ContextRecord = {
    url: location.href,
    userAgent: navigator.userAgent,
    viewport: { width: innerWidth, height: innerHeight },
  };
  if (appVersion) context.appVersion = appVersion;
  if (flags) context.flags = flags;
  // Not even the localStorage getter without an allow list: a page's first touch of it is a synchronous round trip
  // to the browser process that opens the origin's storage (4.8 ms median on bench/recorder's large page, issue #8).
  if (!storageAllowList.length) return context;
  try {
    const local = pickStorage(localStorage, storageAllowList);
    const session = pickStorage(sessionStorage, storageAllowList);
    context.localStorage = local;
    context.sessionStorage = session;
  } catch {
    // Storage access can throw (sandboxed iframes, disabled cookies): the context goes without it.
  }
  return context;
}
