// Visible text, compared word by word after normalization.
import { normalizeText } from '../../protocol/index.js';
import { describeAction } from './describeAction.js';
import type { StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';
import { summarizeHunks, wordDiff } from './wordDiff.js';

export function compareText(pair: StepPair, ignorePatterns: RegExp[]): RawDivergence[] {
  const { baseline, other } = pair;
  if (baseline.textDigest && baseline.textDigest === other.textDigest) return [];
  const before = words(baseline.text);
  const after = words(other.text);
  const hunks = wordDiff(before, after);
  if (!hunks.length) return [];
  const relevant = hunks.filter((hunk) => !ignorePatterns.some((pattern) => pattern.test([...hunk.removed, ...hunk.added].join(' '))));
  const shown = relevant.length ? relevant : hunks;
  const changedWords = shown.reduce((sum, hunk) => sum + Math.max(hunk.removed.length, hunk.added.length), 0);
  const divergence: RawDivergence = {
    kind: 'text-changed',
    step: pair.index,
    summary: `Text after ${describeAction(baseline.action)}: ${summarizeHunks(shown)}`,
    severity: Math.min(1, changedWords / Math.max(1, before.length)),
    evidence: { changedWords, hunks: shown.length, subject: summarizeHunks(shown.slice(0, 1)) },
    spans: shown.map((hunk) => [hunk.baseStart, hunk.baseEnd]),
  };
  if (!relevant.length) {
    divergence.noise = true;
    divergence.evidence = { ...divergence.evidence, noiseReason: 'ignore-rule' };
  }
  return [divergence];
}

function words(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(' ') : [];
}
