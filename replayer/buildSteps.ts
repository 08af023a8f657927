import type { RecordedAction, StepAction, TrajectoryStep } from '../protocol/index.js';
import { actionToStep } from './actionToStep.js';
import type { TimelineItem } from './timeline.js';

/** A page load or route change this soon after an action is taken to be that action's doing. */
export const NAVIGATION_EXPLAINED_WITHIN_MS = 3_000;
/** A submit this soon after a click or Enter is the browser's consequence of it, not a separate user act. */
const SUBMIT_FOLLOWS_WITHIN_MS = 1_000;
/** A scroll is worth replaying only when the user lingered on it (lazy loading, sticky headers) or ended there. */
const SCROLL_KEPT_WHEN_IDLE_MS = 1_000;
/** rrweb's Meta and the recorder's route `load` describe the same page load when this close together. */
const SAME_LOAD_WITHIN_MS = 1_000;

/** Turns a sorted timeline into steps; step 0 is always the navigation to `startPath`. */
export function buildSteps(items: readonly TimelineItem[], startPath: string, startedAt: number): TrajectoryStep[] {
  const steps: TrajectoryStep[] = [];
  let lastStepAt = startedAt;
  let lastActionAt = Number.NEGATIVE_INFINITY;
  let currentUrl = startPath;
  let lastLoad: { path: string; at: number } | undefined;
  let pendingScroll: { x: number; y: number; at: number } | undefined;

  const push = (action: StepAction, at: number) => {
    steps.push({ index: steps.length, action, gapMs: Math.max(0, at - lastStepAt), recordedUrl: currentUrl });
    lastStepAt = at;
  };
  const flushScroll = (nextAt: number | undefined) => {
    if (pendingScroll && (nextAt === undefined || nextAt - pendingScroll.at > SCROLL_KEPT_WHEN_IDLE_MS)) {
      push({ type: 'scroll', x: pendingScroll.x, y: pendingScroll.y }, pendingScroll.at);
    }
    pendingScroll = undefined;
  };
  const navigated = (path: string, at: number) => {
    flushScroll(at);
    if (at - lastActionAt > NAVIGATION_EXPLAINED_WITHIN_MS) {
      push({ type: 'navigate', url: path }, at);
      lastActionAt = at;
    }
    currentUrl = path;
  };

  push({ type: 'navigate', url: startPath }, startedAt);
  for (const item of items) {
    if (item.kind === 'load' || (item.kind === 'route' && item.change.kind === 'load')) {
      if (!lastLoad) {
        lastLoad = { path: item.path, at: item.at };
        currentUrl = item.path;
        continue;
      }
      const duplicate = lastLoad.path === item.path && item.at - lastLoad.at < SAME_LOAD_WITHIN_MS;
      lastLoad = { path: item.path, at: item.at };
      if (!duplicate) navigated(item.path, item.at);
    } else if (item.kind === 'route') {
      if (item.path !== currentUrl) navigated(item.path, item.at);
    } else if (item.kind === 'resize') {
      flushScroll(item.at);
      const last = steps[steps.length - 1];
      if (last.action.type === 'resize') last.action = { type: 'resize', width: item.width, height: item.height };
      else push({ type: 'resize', width: item.width, height: item.height }, item.at);
    } else if (item.kind === 'scroll') {
      pendingScroll = { x: item.x, y: item.y, at: item.at };
    } else {
      flushScroll(item.at);
      if (!isConsequentialSubmit(item.action, steps[steps.length - 1], item.at - lastStepAt)) push(actionToStep(item.action), item.at);
      lastActionAt = item.at;
    }
  }
  flushScroll(undefined);
  return steps;
}

function isConsequentialSubmit(action: RecordedAction, previous: TrajectoryStep, sincePreviousMs: number): boolean {
  if (action.type !== 'submit' || sincePreviousMs > SUBMIT_FOLLOWS_WITHIN_MS) return false;
  const prior = previous.action;
  if (prior.type === 'press') return prior.key === 'Enter';
  if (prior.type === 'click') return isSubmitControl(prior.target.tag, prior.target.role);
  return false;
}

function isSubmitControl(tag: string, role: string | undefined): boolean {
  return tag === 'button' || (tag === 'input' && (role === undefined || role === 'button'));
}
