// Lines up the requests of a baseline step and a candidate step by method and normalized path, so the table
// shows one row per request with both statuses side by side.
import type { NetworkObservation } from '../../protocol/trajectory.js';

export interface RequestRow {
  key: string;
  method: string;
  path: string;
  baseline?: NetworkObservation;
  candidate?: NetworkObservation;
  changed: boolean;
}

function statusClass(request?: NetworkObservation): string {
  if (!request) return 'none';
  if (request.status === 0) return 'failed';
  return `${Math.floor(request.status / 100)}xx`;
}

export function alignRequests(baseline: readonly NetworkObservation[], candidate: readonly NetworkObservation[]): RequestRow[] {
  const rows: RequestRow[] = [];
  const byKey = new Map<string, RequestRow[]>();
  for (const request of baseline) {
    const key = `${request.method} ${request.path}`;
    const row: RequestRow = { key, method: request.method, path: request.path, baseline: request, changed: false };
    rows.push(row);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  for (const request of candidate) {
    const key = `${request.method} ${request.path}`;
    // Repeated requests pair up in order: the n-th baseline call with the n-th candidate call.
    const open = byKey.get(key)?.find((row) => !row.candidate);
    if (open) open.candidate = request;
    else rows.push({ key, method: request.method, path: request.path, candidate: request, changed: false });
  }
  for (const row of rows) {
    row.changed =
      statusClass(row.baseline) !== statusClass(row.candidate) ||
      (row.baseline?.responseShape ?? '') !== (row.candidate?.responseShape ?? '');
  }
  return rows;
}
