import type { BrowserContext, Request } from 'playwright-core';
import { normalizePath, pathOf, type NetworkMode, type NetworkRecord } from '../protocol/index.js';

/** Answer given in 'stubbed' mode for a request the recording never made. */
const NOT_RECORDED_STATUS = 504;

export interface NetworkStubOptions {
  mode: Exclude<NetworkMode, 'live'>;
  records: readonly NetworkRecord[];
  target: string;
  /** Hybrid mode: stub only requests whose normalized path starts with one of these; all recorded ones otherwise. */
  stubbedPaths?: readonly string[];
  onBody?: (request: Request, body: Promise<Buffer | undefined>) => void;
  /** Something a reader of the step should know: an unmatched request, a recorded body that could not be served. */
  onNote?: (note: string) => void;
}

/**
 * Serves fetch/xhr responses from the recording, matched on method plus normalized path (not the exact URL:
 * nonces and ids would defeat `routeFromHAR`), then on the request body among same-key candidates. Repeated
 * calls to one key are answered in recorded order, the last answer repeating. Documents, scripts and styles
 * always come from the target: they are the code under test.
 */
export async function installNetworkStubs(context: BrowserContext, options: NetworkStubOptions): Promise<void> {
  const { mode, records, target } = options;
  const onBody = options.onBody ?? (() => undefined);
  const onNote = options.onNote ?? (() => undefined);
  const byKey = new Map<string, NetworkRecord[]>();
  for (const record of records) {
    for (const key of new Set([requestKey(record.method, record.url), requestKey(record.method, record.url, false)])) {
      byKey.set(key, [...(byKey.get(key) ?? []), record]);
    }
  }
  const served = new Map<string, number>();
  const targetOrigin = new URL(target).origin;

  await context.route('**/*', async (route) => {
    const request = route.request();
    if (!['fetch', 'xhr'].includes(request.resourceType())) return route.fallback();
    // Same query keys first; then the same path with any query, since apps add and drop cache-busting params.
    const exactKey = requestKey(request.method(), request.url());
    if (mode === 'hybrid' && options.stubbedPaths && !options.stubbedPaths.some((prefix) => exactKey.split(' ')[1].startsWith(prefix))) {
      return route.fallback();
    }
    const looseKey = requestKey(request.method(), request.url(), false);
    const key = byKey.has(exactKey) ? exactKey : looseKey;
    const candidates = byKey.get(key);
    if (!candidates?.length) {
      if (mode === 'hybrid') {
        onNote(`Hybrid replay: ${exactKey} was not in the recording; the target answered it live.`);
        return route.fallback();
      }
      onNote(`Stubbed replay: ${exactKey} was not in the recording; it was answered ${NOT_RECORDED_STATUS}.`);
      return route.fulfill({ status: NOT_RECORDED_STATUS, contentType: 'text/plain', body: `Reprise stubbed replay: ${exactKey} was not in the recording.` });
    }
    const record = pickRecord(candidates, served.get(key) ?? 0, request.postData());
    served.set(key, (served.get(key) ?? 0) + 1);
    if (record.status === 0) return route.abort('failed');
    if (isTruncatedJson(record)) {
      // The recorder keeps bodies up to a size limit; half a JSON document would break the app for reasons of our own.
      onNote(`${exactKey}: the recorded response body was truncated by the recorder's size limit; the target answered it live.`);
      return route.fallback();
    }
    const headers = { ...(record.responseHeaders ?? {}) };
    for (const name of ['content-length', 'content-encoding', 'transfer-encoding', 'date', 'connection', 'keep-alive']) delete headers[name];
    if (new URL(request.url()).origin !== targetOrigin) headers['access-control-allow-origin'] ??= '*';
    const body = Buffer.from(record.responseBody ?? '', 'utf8');
    onBody(request, Promise.resolve(body));
    return route.fulfill({ status: record.status, headers, body });
  });
}

/** The recorded answer whose request body matches, else the next one in recorded order (the last repeating). */
function pickRecord(candidates: NetworkRecord[], servedCount: number, body: string | null): NetworkRecord {
  if (body && candidates.length > 1) {
    const sameBody = candidates.find((record) => record.requestBody !== undefined && record.requestBody === body);
    if (sameBody) return sameBody;
  }
  return candidates[Math.min(servedCount, candidates.length - 1)];
}

function isTruncatedJson(record: NetworkRecord): boolean {
  const contentType = Object.entries(record.responseHeaders ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!contentType.includes('json') || !record.responseBody) return false;
  try {
    JSON.parse(record.responseBody);
    return false;
  } catch {
    return true;
  }
}

function requestKey(method: string, url: string, withQuery = true): string {
  const path = normalizePath(pathOf(url));
  return `${method.toUpperCase()} ${withQuery ? path : `${path.split('?')[0]} (any query)`}`;
}
