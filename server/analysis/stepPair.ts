// The unit every comparator works on: the same step index observed on two replays.
import type { StepObservation } from '../../protocol/index.js';
import { pathOf, routePattern } from '../../protocol/index.js';

export interface StepPair {
  index: number;
  baseline: StepObservation;
  /** The other replay: the candidate, or the baseline's repeat when measuring noise. */
  other: StepObservation;
  /** URLs before the step (after the previous one), to tell "stays on" from "goes elsewhere". */
  baselineUrlBefore?: string;
  otherUrlBefore?: string;
  /** The baseline's steps just before and after this one, for events whose step is a matter of timing. */
  baselineNeighbours?: StepObservation[];
}

export function routeOf(url: string): string {
  return routePattern(pathOf(url));
}

export function compileTextPatterns(patterns: string[] | undefined): RegExp[] {
  return (patterns ?? []).map((pattern) => {
    try {
      return new RegExp(pattern, 'i');
    } catch {
      return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    }
  });
}

/** `*` matches anything; a pattern without `*` matches as a prefix. */
export function matchesRequestPath(path: string, patterns: string[] | undefined): boolean {
  return (patterns ?? []).some((pattern) => {
    if (!pattern.includes('*')) return path.startsWith(pattern);
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return regex.test(path);
  });
}
