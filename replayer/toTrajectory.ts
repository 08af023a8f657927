import { EventType, pathOf, type RecordedEvent, type Trajectory } from '../protocol/index.js';
import { buildSteps } from './buildSteps.js';
import { rrwebActions } from './rrwebActions.js';
import { buildTimeline } from './timeline.js';

const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/**
 * Converts a recorded session into replayable steps. Uses the recorder's `reprise.action` events when present;
 * otherwise (plain rrweb imports) derives clicks and fills from rrweb interactions on a jsdom rebuild of the page.
 */
export function toTrajectory(sessionId: string, events: RecordedEvent[]): Trajectory {
  const warnings: string[] = [];
  if (events.length === 0) {
    warnings.push('The session has no events: nothing to replay beyond opening the start page.');
    return { sessionId, startPath: '/', viewport: DEFAULT_VIEWPORT, startedAt: 0, steps: [{ index: 0, action: { type: 'navigate', url: '/' }, gapMs: 0, recordedUrl: '/' }], warnings };
  }
  const { timeline, sorted } = buildTimeline(events, warnings);
  if (!sorted.some((event) => event.type === EventType.FullSnapshot)) {
    warnings.push('The session has no rrweb full snapshot (type 2): the page structure at record time is unknown.');
  }
  const items = timeline.hasActions ? timeline.items : [...timeline.items, ...rrwebActions(sorted, warnings)].sort((a, b) => a.at - b.at);
  if (!timeline.hasActions) warnings.push('No reprise.action events: actions were derived from rrweb clicks and inputs (no keys, submits or masked-field names).');

  const startedAt = sorted[0].timestamp;
  const firstRoute = timeline.items.find((item) => item.kind === 'route');
  const startPath =
    timeline.firstMeta?.path ||
    (firstRoute?.kind === 'route' ? firstRoute.path : undefined) ||
    (timeline.context ? pathOf(timeline.context.url) : undefined) ||
    missingStart(warnings);
  const viewport = timeline.firstMeta?.width && timeline.firstMeta.height
    ? { width: timeline.firstMeta.width, height: timeline.firstMeta.height }
    : (timeline.context?.viewport ?? DEFAULT_VIEWPORT);
  const storage = timeline.context && (timeline.context.localStorage || timeline.context.sessionStorage)
    ? { localStorage: timeline.context.localStorage, sessionStorage: timeline.context.sessionStorage }
    : undefined;

  const trajectory: Trajectory = { sessionId, startPath, viewport, startedAt, steps: buildSteps(items, startPath, startedAt), warnings };
  if (storage) trajectory.storage = storage;
  const lastPage = timeline.items.findLast((item) => item.kind === 'load' || item.kind === 'route');
  if (lastPage && (lastPage.kind === 'load' || lastPage.kind === 'route')) trajectory.endPath = lastPage.path;
  return trajectory;
}

function missingStart(warnings: string[]): string {
  warnings.push('No Meta event, route or context says which page the session started on; replay starts at "/".');
  return '/';
}
