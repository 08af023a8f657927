// 'reprise.context': what replay needs to reproduce the page's starting conditions.
import type { ContextRecord } from '../protocol/customEvents.js';

function pickStorage(storage: Storage, allowList: readonly string[]): Record<string, string> | undefined {
  if (!allowList.length) return undefined;
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
  try {
    const local = pickStorage(localStorage, storageAllowList);
    const session = pickStorage(sessionStorage, storageAllowList);
    if (local) context.localStorage = local;
    if (session) context.sessionStorage = session;
  } catch {
    // Storage access can throw (sandboxed iframes, disabled cookies): the context goes without it.
  }
  return context;
}
