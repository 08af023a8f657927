// Requests matched by method and normalized path as multisets, then compared pairwise.
import type { NetworkObservation } from '../../protocol/index.js';
import { normalizePath } from '../../protocol/index.js';
import { describeAction } from './describeAction.js';
import { shapeDiff } from './shapeDiff.js';
import type { StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';

const API_RESOURCE_TYPES = new Set(['fetch', 'xhr', 'document', 'websocket', 'eventsource']);

/** Build tools put content hashes in asset names (`index-3f9a1c.js`): they change with every deploy. */
export function normalizeRequestPath(path: string): string {
  return normalizePath(path).replace(/[-.](?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]{6,}(?=\.(?:m?js|css|map|woff2?|ttf|png|jpe?g|gif|svg|webp|avif)\b)/g, '.<hash>');
}

export function isFailedStatus(status: number): boolean {
  return status === 0 || status >= 400;
}

/** 304 is a cached 200: same class for our purposes. */
function statusClass(status: number): number {
  if (status === 304) return 2;
  return Math.floor(status / 100);
}

export function compareNetwork(pair: StepPair): RawDivergence[] {
  const baselineByKey = groupByKey(pair.baseline.requests);
  const otherByKey = groupByKey(pair.other.requests);
  const action = describeAction(pair.baseline.action);
  const divergences: RawDivergence[] = [];
  const keys = new Set([...baselineByKey.keys(), ...otherByKey.keys()]);
  for (const key of keys) {
    const before = baselineByKey.get(key) ?? [];
    const after = otherByKey.get(key) ?? [];
    const paired = Math.min(before.length, after.length);
    for (let index = 0; index < paired; index++) {
      divergences.push(...comparePair(pair.index, key, before[index], after[index], action));
    }
    for (const missing of before.slice(paired)) {
      divergences.push(requestDivergence('request-missing', pair.index, key, missing, `${key} is no longer requested after ${action}`, API_RESOURCE_TYPES.has(missing.resourceType) ? 0.6 : 0.2));
    }
    for (const added of after.slice(paired)) {
      const failed = isFailedStatus(added.status);
      const summary = failed
        ? `New request ${key} after ${action} fails with ${statusText(added)}`
        : `New request ${key} after ${action}`;
      divergences.push(requestDivergence('request-added', pair.index, key, added, summary, failed ? 0.8 : 0.1));
    }
  }
  return divergences;
}

function comparePair(step: number, key: string, before: NetworkObservation, after: NetworkObservation, action: string): RawDivergence[] {
  const failedBefore = isFailedStatus(before.status);
  const failedAfter = isFailedStatus(after.status);
  if (!failedBefore && failedAfter) {
    const summary = `${key} ${after.status === 0 ? 'fails' : 'returns'} ${statusText(after)} after ${action} (baseline: ${before.status})`;
    return [requestDivergence('request-failed', step, key, after, summary, after.status >= 500 || after.status === 0 ? 1 : 0.7, before.status)];
  }
  if (statusClass(before.status) !== statusClass(after.status) || (failedBefore && before.status !== after.status)) {
    const summary = `${key} returns ${statusText(after)} instead of ${before.status} after ${action}`;
    return [requestDivergence('status-changed', step, key, after, summary, failedBefore ? 0.2 : 0.4, before.status)];
  }
  if (before.responseShape && after.responseShape && before.responseShape !== after.responseShape) {
    const diff = shapeDiff(before.responseShape, after.responseShape);
    const parts = [
      diff.removed.length ? `lost ${diff.removed.slice(0, 4).join(', ')}` : '',
      diff.retyped.length ? `retyped ${diff.retyped.slice(0, 3).join(', ')}` : '',
      diff.added.length ? `gained ${diff.added.slice(0, 4).join(', ')}` : '',
    ].filter(Boolean);
    const divergence = requestDivergence('payload-changed', step, key, after, `The response of ${key} ${parts.join('; ') || 'changed shape'}`, diff.removed.length || diff.retyped.length ? 0.6 : 0.2, before.status);
    divergence.evidence = { ...divergence.evidence, fieldsRemoved: diff.removed.length, fieldsRetyped: diff.retyped.length, fieldsAdded: diff.added.length };
    return [divergence];
  }
  return [];
}

function requestDivergence(
  kind: RawDivergence['kind'],
  step: number,
  key: string,
  request: NetworkObservation,
  summary: string,
  severity: number,
  baselineStatus?: number,
): RawDivergence {
  const [method, path] = splitKey(key);
  return {
    kind,
    step,
    summary,
    severity,
    evidence: {
      method,
      path,
      status: request.status,
      baselineStatus: baselineStatus ?? null,
      failure: request.failure ?? null,
      resourceType: request.resourceType,
      apiRequest: API_RESOURCE_TYPES.has(request.resourceType),
      subject: key,
    },
    units: [key],
  };
}

function groupByKey(requests: NetworkObservation[]): Map<string, NetworkObservation[]> {
  const groups = new Map<string, NetworkObservation[]>();
  for (const request of requests) {
    const key = `${request.method.toUpperCase()} ${normalizeRequestPath(request.path)}`;
    const group = groups.get(key) ?? [];
    group.push(request);
    groups.set(key, group);
  }
  return groups;
}

function splitKey(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

function statusText(request: NetworkObservation): string {
  return request.status === 0 ? `without a response${request.failure ? ` (${request.failure})` : ''}` : String(request.status);
}
