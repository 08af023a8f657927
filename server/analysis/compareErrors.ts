// New uncaught exceptions and console errors, compared as multisets of normalized messages. Replay attributes an
// event to the step during whose settling it arrived, so an error thrown by a timer near the end of a quiet window
// lands on this step in one replay and on the next in another: a message the baseline has on a neighbouring step
// (and did not use up on this one) is not new.
import { normalizeText } from '../../protocol/index.js';
import type { StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';

/** Origins differ between baseline and preview and line:column positions between builds: both are dropped. */
export function normalizeErrorMessage(message: string): string {
  return normalizeText(message.split('\n')[0])
    .replace(/\bhttps?:\/\/[^/\s'")]+/g, '')
    .replace(/[-.][A-Za-z0-9_]{6,}(?=\.m?js\b)/g, '.<hash>')
    .replace(/:\d+(:\d+)?\b/g, '')
    .replace(/\d+/g, '#');
}

export function compareErrors(pair: StepPair): RawDivergence[] {
  const neighbours = pair.baselineNeighbours ?? [];
  const pageErrors = newMessages(pair.baseline.pageErrors, pair.other.pageErrors, neighbours.flatMap((step) => step.pageErrors)).map(
    (message): RawDivergence => ({
      kind: 'page-error',
      step: pair.index,
      summary: `New uncaught error: ${clip(message)}`,
      severity: 1,
      evidence: { message: clip(message), subject: normalizeErrorMessage(message) },
      units: [normalizeErrorMessage(message)],
    }),
  );
  const consoleErrors = newMessages(pair.baseline.consoleErrors, pair.other.consoleErrors, neighbours.flatMap((step) => step.consoleErrors)).map(
    (message): RawDivergence => ({
      kind: 'console-error',
      step: pair.index,
      summary: `New console error: ${clip(message)}`,
      severity: 0.5,
      evidence: { message: clip(message), subject: normalizeErrorMessage(message) },
      units: [normalizeErrorMessage(message)],
    }),
  );
  return [...pageErrors, ...consoleErrors];
}

/** Messages of `other` beyond those `baseline` has, counting repeats, then beyond those on the baseline's neighbouring steps. */
function newMessages(baseline: string[], other: string[], nearby: string[]): string[] {
  return unmatched(unmatched(other, baseline), nearby);
}

function unmatched(messages: string[], against: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const message of against) {
    const key = normalizeErrorMessage(message);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const left: string[] = [];
  for (const message of messages) {
    const key = normalizeErrorMessage(message);
    const count = remaining.get(key) ?? 0;
    if (count > 0) remaining.set(key, count - 1);
    else left.push(message);
  }
  return left;
}

function clip(message: string): string {
  const firstLine = message.split('\n')[0];
  return firstLine.length > 200 ? `${firstLine.slice(0, 197)}…` : firstLine;
}
