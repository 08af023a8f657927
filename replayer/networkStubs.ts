import type { BrowserContext, Request } from 'playwright-core';
import { normalizePath, pathOf, type NetworkMode, type NetworkRecord } from '../protocol/index.js';

/** Answer given in 'stubbed' mode for a request the recording never made. */
const NOT_RECORDED_STATUS = 504;

/**
 * Serves fetch/xhr responses from the recording, matched on method plus normalized path (not the exact URL:
 * nonces and ids would defeat `routeFromHAR`). Repeated calls to one key are answered in recorded order, the last
 * answer repeating. Documents, scripts and styles always come from the target: they are the code under test.
 */
export async function installNetworkStubs(
  context: BrowserContext,
  mode: Exclude<NetworkMode, 'live'>,
  records: readonly NetworkRecord[],
  target: string,
  onBody: (request: Request, body: Promise<Buffer | undefined>) => void = () => undefined,
): Promise<void> {
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
    const looseKey = requestKey(request.method(), request.url(), false);
    const key = byKey.has(exactKey) ? exactKey : looseKey;
    const candidates = byKey.get(key);
    if (!candidates?.length) {
      if (mode === 'hybrid') return route.fallback();
      return route.fulfill({ status: NOT_RECORDED_STATUS, contentType: 'text/plain', body: `Reprise stubbed replay: ${exactKey} was not in the recording.` });
    }
    const count = served.get(key) ?? 0;
    served.set(key, count + 1);
    const record = candidates[Math.min(count, candidates.length - 1)];
    if (record.status === 0) return route.abort('failed');
    const headers = { ...(record.responseHeaders ?? {}) };
    delete headers['content-length'];
    delete headers['content-encoding'];
    if (new URL(request.url()).origin !== targetOrigin) headers['access-control-allow-origin'] ??= '*';
    const body = Buffer.from(record.responseBody ?? '', 'utf8');
    onBody(request, Promise.resolve(body));
    return route.fulfill({ status: record.status, headers, body });
  });
}

function requestKey(method: string, url: string, withQuery = true): string {
  const path = normalizePath(pathOf(url));
  return `${method.toUpperCase()} ${withQuery ? path : `${path.split('?')[0]} (any query)`}`;
}
