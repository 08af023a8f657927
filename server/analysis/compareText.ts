// Visible text, compared word by word after normalization.
import { normalizeText } from '../../protocol/index.js';
import { describeAction } from './describeAction.js';
import type { StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';
import { summarizeHunks, wordDiff, type TextHunk } from './wordDiff.js';

export function compareText(pair: StepPair, ignorePatterns: RegExp[]): RawDivergence[] {
  const { baseline, other } = pair;
  if (baseline.textDigest && baseline.textDigest === other.textDigest) return [];
  const before = words(baseline.text);
  const after = words(other.text);
  const hunks = wordDiff(before, after);
  if (!hunks.length) return [];
  const relevant = hunks.filter((hunk) => !ignorePatterns.some((pattern) => pattern.test([...hunk.removed, ...hunk.added].join(' '))));
  const shown = relevant.length ? relevant : hunks;
  // Reordered markup moves words without changing them: words removed in one place and added in another cancel out.
  const changedWords = netChangedWords(shown);
  if (changedWords === 0) return [];
  const divergence: RawDivergence = {
    kind: 'text-changed',
    step: pair.index,
    summary: `Text after ${describeAction(baseline.action)}: ${summarizeHunks(shown)}`,
    severity: Math.min(1, changedWords / Math.max(1, before.length)),
    evidence: { changedWords, movedWords: grossChangedWords(shown) - changedWords, hunks: shown.length, subject: summarizeHunks(shown.slice(0, 1)) },
    spans: shown.map((hunk) => [hunk.baseStart, hunk.baseEnd]),
  };
  if (!relevant.length) {
    divergence.noise = true;
    divergence.evidence = { ...divergence.evidence, noiseReason: 'ignore-rule' };
  }
  return [divergence];
}

/** Words removed or added once moves are cancelled: the larger of net removals and net additions. */
function netChangedWords(hunks: TextHunk[]): number {
  const balance = new Map<string, number>();
  for (const hunk of hunks) {
    for (const word of hunk.removed) balance.set(word, (balance.get(word) ?? 0) - 1);
    for (const word of hunk.added) balance.set(word, (balance.get(word) ?? 0) + 1);
  }
  let removed = 0;
  let added = 0;
  for (const count of balance.values()) {
    if (count < 0) removed -= count;
    else added += count;
  }
  return Math.max(removed, added);
}

function grossChangedWords(hunks: TextHunk[]): number {
  return hunks.reduce((sum, hunk) => sum + Math.max(hunk.removed.length, hunk.added.length), 0);
}

function words(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(' ') : [];
}
