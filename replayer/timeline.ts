import {
  CustomTag,
  EventType,
  IncrementalSource,
  pathOf,
  type ContextRecord,
  type RecordedAction,
  type RecordedEvent,
  type RouteChange,
} from '../protocol/index.js';

/** What happened in a recording, in the order it happened, reduced to what replay cares about. */
export type TimelineItem =
  | { at: number; kind: 'action'; action: RecordedAction }
  | { at: number; kind: 'load'; path: string }
  | { at: number; kind: 'route'; change: RouteChange; path: string }
  | { at: number; kind: 'resize'; width: number; height: number }
  | { at: number; kind: 'scroll'; x: number; y: number };

export interface Timeline {
  items: TimelineItem[];
  context?: ContextRecord;
  firstMeta?: { path: string; width: number; height: number };
  hasActions: boolean;
}

const KNOWN_EVENT_TYPES = new Set<number>(Object.values(EventType));

/** Sorts events by time (warning when they were out of order) and keeps the ones replay turns into steps. */
export function buildTimeline(events: readonly RecordedEvent[], warnings: string[]): { timeline: Timeline; sorted: RecordedEvent[] } {
  const sorted = sortByTime(events, warnings);
  const items: TimelineItem[] = [];
  const unknownTypes = new Map<number, number>();
  let context: ContextRecord | undefined;
  let firstMeta: Timeline['firstMeta'];
  let documentNodeId: number | undefined;
  let hasActions = false;

  for (const event of sorted) {
    const at = event.timestamp;
    if (!KNOWN_EVENT_TYPES.has(event.type)) {
      unknownTypes.set(event.type, (unknownTypes.get(event.type) ?? 0) + 1);
      continue;
    }
    if (event.type === EventType.Meta) {
      const path = pathOf(String(event.data?.href ?? ''));
      firstMeta ??= { path, width: Number(event.data?.width) || 0, height: Number(event.data?.height) || 0 };
      items.push({ at, kind: 'load', path });
    } else if (event.type === EventType.FullSnapshot) {
      documentNodeId = event.data?.node?.id;
    } else if (event.type === EventType.Custom) {
      const tag = event.data?.tag;
      const payload = event.data?.payload;
      if (!payload) continue;
      if (tag === CustomTag.action) {
        hasActions = true;
        items.push({ at, kind: 'action', action: payload as RecordedAction });
      } else if (tag === CustomTag.route) {
        const change = payload as RouteChange;
        items.push({ at, kind: 'route', change, path: pathOf(change.url) });
      } else if (tag === CustomTag.context) {
        context ??= payload as ContextRecord;
      }
    } else if (event.type === EventType.IncrementalSnapshot) {
      const source = event.data?.source;
      if (source === IncrementalSource.ViewportResize) {
        items.push({ at, kind: 'resize', width: event.data.width, height: event.data.height });
      } else if (source === IncrementalSource.Scroll && isWindowScroll(event.data.id, documentNodeId)) {
        items.push({ at, kind: 'scroll', x: event.data.x, y: event.data.y });
      }
    }
  }
  for (const [type, count] of unknownTypes) {
    warnings.push(`Ignored ${count} event(s) of unknown type ${type}: not an rrweb 2.x event type this replayer reads.`);
  }
  return { timeline: { items, context, firstMeta, hasActions }, sorted };
}

// rrweb records a window scroll against the document node, whose id is the root of the full snapshot.
function isWindowScroll(id: unknown, documentNodeId: number | undefined): boolean {
  return documentNodeId === undefined ? id === 1 : id === documentNodeId;
}

function sortByTime(events: readonly RecordedEvent[], warnings: string[]): RecordedEvent[] {
  const outOfOrder = events.some((event, i) => i > 0 && event.timestamp < events[i - 1].timestamp);
  if (!outOfOrder) return [...events];
  warnings.push('Events were not in timestamp order; they were sorted by timestamp before conversion.');
  return events.map((event, i) => ({ event, i })).sort((a, b) => a.event.timestamp - b.event.timestamp || a.i - b.i).map(({ event }) => event);
}
