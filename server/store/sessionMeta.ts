// Derives a session's summary incrementally: each stored batch is merged once, so listing sessions never
// reads their events.
import {
  CustomTag,
  EventType,
  IncrementalSource,
  MouseInteraction,
  pathOf,
  routePattern,
  type IngestBatch,
  type RecordedEvent,
  type SessionSummary,
} from '../../protocol/index.js';
import { browserName } from './browserName.js';

export function emptySummary(projectId: string, sessionId: string, formatVersion: number): SessionSummary {
  return {
    id: sessionId,
    projectId,
    formatVersion,
    startedAt: 0,
    endedAt: 0,
    durationMs: 0,
    pages: [],
    routes: [],
    counts: { events: 0, clicks: 0, inputs: 0, errors: 0, failedRequests: 0 },
    missingSeqs: [],
    batches: 0,
  };
}

/** Returns a new summary including `batch`. The caller guarantees the batch's seq was not merged before. */
export function mergeBatchIntoSummary(summary: SessionSummary, batch: IngestBatch): SessionSummary {
  const next: SessionSummary = {
    ...summary,
    formatVersion: Math.max(summary.formatVersion, batch.formatVersion),
    pages: [...summary.pages],
    routes: [...summary.routes],
    counts: { ...summary.counts },
    missingSeqs: mergeSeq(summary, batch.seq),
    batches: summary.batches + 1,
  };
  mergeTimes(next, batch.events, summary.batches === 0);
  const batchCounts = { reproClicks: 0, rrwebClicks: 0, reproInputs: 0, rrwebInputs: 0, hasReproActions: false };
  for (const event of batch.events) {
    next.counts.events++;
    if (event.type === EventType.Meta && typeof event.data?.href === 'string') addPage(next, event.data.href);
    if (event.type === EventType.IncrementalSnapshot) {
      if (event.data?.source === IncrementalSource.MouseInteraction && event.data.type === MouseInteraction.Click) batchCounts.rrwebClicks++;
      if (event.data?.source === IncrementalSource.Input && event.data.userTriggered !== false) batchCounts.rrwebInputs++;
    }
    if (event.type === EventType.Custom) mergeCustom(next, event, batchCounts);
  }
  // rrweb's own clicks and inputs are a fallback for recordings made without the Reprise recorder; when
  // its actions are present they are the truth (rrweb also counts clicks on labels and programmatic inputs).
  next.counts.clicks += batchCounts.hasReproActions ? batchCounts.reproClicks : batchCounts.rrwebClicks;
  next.counts.inputs += batchCounts.hasReproActions ? batchCounts.reproInputs : batchCounts.rrwebInputs;
  return next;
}

function mergeCustom(
  summary: SessionSummary,
  event: RecordedEvent,
  batchCounts: { reproClicks: number; reproInputs: number; hasReproActions: boolean },
): void {
  const tag: unknown = event.data?.tag;
  const payload = event.data?.payload;
  if (typeof tag !== 'string' || !payload || typeof payload !== 'object') return;
  switch (tag) {
    case CustomTag.action:
      batchCounts.hasReproActions = true;
      if (payload.type === 'click' || payload.type === 'dblclick') batchCounts.reproClicks++;
      if (payload.type === 'input' || payload.type === 'check' || payload.type === 'select' || payload.type === 'file') batchCounts.reproInputs++;
      break;
    case CustomTag.route:
      if (typeof payload.url === 'string') addPage(summary, payload.url);
      break;
    case CustomTag.error:
      summary.counts.errors++;
      break;
    case CustomTag.console:
      if (payload.level === 'error') summary.counts.errors++;
      break;
    case CustomTag.network:
      if (typeof payload.status === 'number' && (payload.status === 0 || payload.status >= 400)) summary.counts.failedRequests++;
      break;
    case CustomTag.identify:
      if (typeof payload.userId === 'string') summary.userId = payload.userId;
      if (typeof payload.accountId === 'string') summary.accountId = payload.accountId;
      break;
    case CustomTag.context:
      if (typeof payload.userAgent === 'string') summary.browser = browserName(payload.userAgent) ?? summary.browser;
      if (typeof payload.appVersion === 'string') summary.appVersion = payload.appVersion;
      if (payload.flags && typeof payload.flags === 'object') summary.flags = { ...summary.flags, ...payload.flags };
      if (typeof payload.url === 'string') addPage(summary, payload.url);
      break;
  }
}

function mergeTimes(summary: SessionSummary, events: RecordedEvent[], isFirstBatch: boolean): void {
  let first = isFirstBatch ? Infinity : summary.startedAt;
  let last = isFirstBatch ? -Infinity : summary.endedAt;
  for (const event of events) {
    if (event.timestamp < first) first = event.timestamp;
    if (event.timestamp > last) last = event.timestamp;
  }
  if (Number.isFinite(first)) {
    summary.startedAt = first;
    summary.endedAt = last;
    summary.durationMs = last - first;
  }
}

/** Received seqs are {0..max} minus missingSeqs, so the highest seq follows from the batch count. */
function mergeSeq(summary: SessionSummary, seq: number): number[] {
  const highestSeq = summary.batches + summary.missingSeqs.length - 1;
  if (seq > highestSeq) {
    const gap = Array.from({ length: seq - highestSeq - 1 }, (_, index) => highestSeq + 1 + index);
    return [...summary.missingSeqs, ...gap];
  }
  return summary.missingSeqs.filter((missing) => missing !== seq);
}

function addPage(summary: SessionSummary, url: string): void {
  const page = pathOf(url);
  if (!page || summary.pages.includes(page)) return;
  summary.pages.push(page);
  const route = routePattern(page);
  if (!summary.routes.includes(route)) summary.routes.push(route);
}
