// Did the step still work, and did it still lead where it led on the baseline?
import { normalizePath, pathOf } from '../../protocol/index.js';
import { describeAction, elementLabel } from './describeAction.js';
import { routeOf, type StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';

const FAILED_OUTCOMES = new Set(['target-missing', 'not-actionable', 'timed-out', 'error', 'skipped']);

export function compareOutcome(pair: StepPair): RawDivergence[] {
  const { baseline, other } = pair;
  if (baseline.outcome !== 'performed' || !FAILED_OUTCOMES.has(other.outcome)) return [];
  const target = 'target' in baseline.action ? baseline.action.target : undefined;
  const element = elementLabel(target);
  const reason = other.outcomeReason?.split('\n')[0]?.trim();
  const action = describeAction(baseline.action);
  return [
    {
      kind: 'action-failed',
      step: pair.index,
      summary: `${capitalize(action)} failed: ${other.outcome}${reason ? ` (${reason})` : ''}`,
      severity: 1,
      element,
      evidence: { outcome: other.outcome, outcomeReason: other.outcomeReason ?? null, subject: element ?? action },
      units: [other.outcome],
    },
  ];
}

export function compareNavigation(pair: StepPair): RawDivergence[] {
  const { baseline, other } = pair;
  if (other.outcome !== 'performed' && baseline.outcome === 'performed' && other.url === pair.otherUrlBefore) {
    // The action itself failed; action-failed already says so and the URL staying put is its consequence.
    return [];
  }
  const baselineRoute = routeOf(baseline.url);
  const otherRoute = routeOf(other.url);
  const baselineKeys = searchKeys(baseline.url);
  const otherKeys = searchKeys(other.url);
  if (baselineRoute === otherRoute && baselineKeys === otherKeys) return [];
  const action = describeAction(baseline.action);
  const stayed = pair.otherUrlBefore !== undefined && routeOf(pair.otherUrlBefore) === otherRoute && baselineRoute !== otherRoute;
  const expected = baselineRoute + (baselineKeys ? `?${baselineKeys}` : '');
  const found = otherRoute + (otherKeys ? `?${otherKeys}` : '');
  const summary = stayed
    ? `After ${action} the page stays on ${found} instead of going to ${expected}`
    : `After ${action} the page goes to ${found} instead of ${expected}`;
  const target = 'target' in baseline.action ? baseline.action.target : undefined;
  return [
    {
      kind: 'navigation-changed',
      step: pair.index,
      summary,
      severity: baselineRoute === otherRoute ? 0.4 : 1,
      element: elementLabel(target),
      evidence: { expectedRoute: expected, observedRoute: found, stayed, subject: `${expected} -> ${found}` },
      units: [found],
    },
  ];
}

function searchKeys(url: string): string {
  const normalized = normalizePath(pathOf(url));
  const query = normalized.indexOf('?');
  return query === -1 ? '' : normalized.slice(query + 1);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
