// Accessibility tree comparison: interactive elements that vanished, and everything else that changed.
import { ariaEntries, entryKey, entryLabel, INTERACTIVE_ROLES, type AriaEntry } from './ariaEntries.js';
import { describeAction } from './describeAction.js';
import type { StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';

/** `laterTargetNames`: accessible names the user acts on in later steps, so a vanished one will block them. */
export function compareAria(pair: StepPair, laterTargetNames: ReadonlySet<string>): RawDivergence[] {
  if (pair.baseline.aria === pair.other.aria) return [];
  const before = ariaEntries(pair.baseline.aria);
  const after = ariaEntries(pair.other.aria);
  const vanished = multisetMinus(before, after);
  const appeared = multisetMinus(after, before);
  const stateChanges = describeStateChanges(before, after);
  const action = describeAction(pair.baseline.action);
  const divergences: RawDivergence[] = [];
  const vanishedInteractive = vanished.filter((entry) => INTERACTIVE_ROLES.has(entry.role));
  if (vanishedInteractive.length) {
    const labels = vanishedInteractive.map(entryLabel);
    const interactiveBefore = before.filter((entry) => INTERACTIVE_ROLES.has(entry.role)).length;
    const targetGone = vanishedInteractive.some((entry) => laterTargetNames.has(entry.name.toLowerCase()));
    divergences.push({
      kind: 'element-missing',
      step: pair.index,
      summary: `${listLabels(labels)} ${labels.length === 1 ? 'is' : 'are'} gone after ${action}`,
      severity: Math.min(1, 0.3 + vanishedInteractive.length / Math.max(1, interactiveBefore)),
      element: labels[0],
      evidence: { missing: labels.slice(0, 10).join('; '), missingCount: labels.length, targetGone, subject: labels.slice(0, 3).join('; ') },
      units: vanishedInteractive.map(entryKey),
    });
  }
  const otherChanges = [
    ...vanished.filter((entry) => !INTERACTIVE_ROLES.has(entry.role)).map((entry) => `${entryLabel(entry)} gone`),
    ...appeared.map((entry) => `new ${entryLabel(entry)}`),
    ...stateChanges,
  ];
  if (otherChanges.length) {
    const disabledInteractive = stateChanges.some((change) => change.endsWith('now disabled'));
    divergences.push({
      kind: 'aria-changed',
      step: pair.index,
      summary: `Accessibility tree after ${action}: ${otherChanges.slice(0, 3).join(', ')}${otherChanges.length > 3 ? ` and ${otherChanges.length - 3} more` : ''}`,
      severity: Math.min(1, otherChanges.length / Math.max(1, before.length)),
      evidence: { changes: otherChanges.slice(0, 10).join('; '), changeCount: otherChanges.length, disabledInteractive, reorderedOnly: false, subject: otherChanges.slice(0, 3).join('; ') },
      units: otherChanges,
    });
  } else if (!vanishedInteractive.length && before.map(entryKey).join('\n') !== after.map(entryKey).join('\n')) {
    divergences.push({
      kind: 'aria-changed',
      step: pair.index,
      summary: `The same elements appear in a different order after ${action}`,
      severity: 0.05,
      evidence: { reorderedOnly: true, disabledInteractive: false, changeCount: 0, subject: 'order' },
      units: ['order'],
    });
  }
  return divergences;
}

function multisetMinus(from: AriaEntry[], without: AriaEntry[]): AriaEntry[] {
  const counts = new Map<string, number>();
  for (const entry of without) counts.set(entryKey(entry), (counts.get(entryKey(entry)) ?? 0) + 1);
  const left: AriaEntry[] = [];
  for (const entry of from) {
    const count = counts.get(entryKey(entry)) ?? 0;
    if (count > 0) counts.set(entryKey(entry), count - 1);
    else left.push(entry);
  }
  return left;
}

/** Pairs entries with the same role and name in order, and says which states they gained or lost. */
function describeStateChanges(before: AriaEntry[], after: AriaEntry[]): string[] {
  const queues = new Map<string, AriaEntry[]>();
  for (const entry of after) {
    const queue = queues.get(entryKey(entry)) ?? [];
    queue.push(entry);
    queues.set(entryKey(entry), queue);
  }
  const changes: string[] = [];
  for (const entry of before) {
    const match = queues.get(entryKey(entry))?.shift();
    if (!match) continue;
    for (const state of match.states.filter((state) => !entry.states.includes(state))) changes.push(`${entryLabel(entry)} is now ${state}`);
    for (const state of entry.states.filter((state) => !match.states.includes(state))) changes.push(`${entryLabel(entry)} is no longer ${state}`);
  }
  return changes;
}

function listLabels(labels: string[]): string {
  const shown = labels.slice(0, 3);
  const rest = labels.length - shown.length;
  const text = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
  return rest > 0 ? `${text} (and ${rest} more)` : text;
}
