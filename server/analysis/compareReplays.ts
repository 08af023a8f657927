// Baseline vs candidate, step by step: every way the app behaved differently, with noise flagged and
// later divergences attributed to the first hard failure.
import type { Divergence, Rect, ReplayResult, StepObservation } from '../../protocol/index.js';
import { compareAria } from './compareAria.js';
import { compareErrors } from './compareErrors.js';
import { isFailedStatus, compareNetwork } from './compareNetwork.js';
import { compareNavigation, compareOutcome } from './compareOutcome.js';
import { compareText } from './compareText.js';
import { compareVisual } from './compareVisual.js';
import { describeAction, elementLabel } from './describeAction.js';
import { isCoveredByRepeat, noiseSignature, stepNoiseSignature } from './noise.js';
import { compileTextPatterns, matchesRequestPath, routeOf, type StepPair } from './stepPair.js';
import { HARD_FAILURE_KINDS, type CompareInput, type RawDivergence } from './types.js';

const SLOWER_FACTOR = 3;
const SLOWER_MIN_MS = 2_000;

export async function compareReplays(input: CompareInput): Promise<Divergence[]> {
  const { baseline, candidate, baselineRepeat } = input;
  const textPatterns = compileTextPatterns(input.ignore?.textPatterns);
  const stepCount = Math.min(baseline.steps.length, candidate.steps.length);
  const all: RawDivergence[] = [];
  for (let index = 0; index < stepCount; index++) {
    const found = await compareStep(input, pairAt(baseline, candidate, index), textPatterns, true);
    const repeatStep = baselineRepeat?.steps[index];
    if (repeatStep && found.some((divergence) => !divergence.noise)) {
      const noise = await compareStep(input, pairAt(baseline, baselineRepeat!, index), textPatterns, false);
      for (const divergence of found) {
        if (!divergence.noise && isCoveredByRepeat(divergence, noise)) markNoise(divergence, 'baseline-repeat');
      }
    }
    const context = stepContext(baseline.steps, index);
    for (const divergence of found) divergence.evidence = { ...divergence.evidence, ...context };
    all.push(...found);
  }
  for (const divergence of all) applyIgnoreRules(divergence, input, textPatterns);
  attributeConsequences(all);
  return all.map(stripInternals);
}

async function compareStep(input: CompareInput, pair: StepPair, textPatterns: RegExp[], isCandidate: boolean): Promise<RawDivergence[]> {
  const laterTargets = laterTargetNames(input.baseline.steps, pair.index);
  const visual = await compareVisual(pair, {
    loadBlob: input.loadBlob,
    saveBlob: isCandidate ? input.saveBlob : undefined,
    ignoreRegions: input.ignore?.regions,
    interactedRects: interactedRects(input.baseline.steps, pair.index),
  });
  return [
    ...compareOutcome(pair),
    ...compareNavigation(pair),
    ...compareErrors(pair),
    ...compareNetwork(pair),
    ...compareAria(pair, laterTargets),
    ...compareText(pair, textPatterns),
    ...visual,
    ...compareQuiescence(pair),
  ];
}

function pairAt(baseline: ReplayResult, other: ReplayResult, index: number): StepPair {
  return {
    index,
    baseline: baseline.steps[index],
    other: other.steps[index],
    baselineUrlBefore: baseline.steps[index - 1]?.url ?? stepStartUrl(baseline.steps[index]),
    otherUrlBefore: other.steps[index - 1]?.url ?? stepStartUrl(other.steps[index]),
    baselineNeighbours: [baseline.steps[index - 1], baseline.steps[index + 1]].filter((step): step is StepObservation => step !== undefined),
  };
}

function stepStartUrl(step: StepObservation): string | undefined {
  return step.action.type === 'navigate' ? undefined : step.url;
}

/** Where and what the user was doing: feeds features, ticket signatures and titles. */
function stepContext(steps: StepObservation[], index: number): Record<string, string> {
  const step = steps[index];
  const urlBefore = steps[index - 1]?.url ?? step.url;
  const target = 'target' in step.action ? step.action.target : undefined;
  return {
    route: routeOf(step.url),
    routeBefore: routeOf(urlBefore),
    action: describeAction(step.action),
    actionType: step.action.type,
    actionTarget: elementLabel(target) ?? '',
  };
}

function compareQuiescence(pair: StepPair): RawDivergence[] {
  const before = pair.baseline.quiescenceMs;
  const after = pair.other.quiescenceMs;
  if (after <= SLOWER_MIN_MS || after <= before * SLOWER_FACTOR) return [];
  return [
    {
      kind: 'slower',
      step: pair.index,
      summary: `The page took ${(after / 1000).toFixed(1)} s to settle after ${describeAction(pair.baseline.action)} (baseline ${(before / 1000).toFixed(1)} s)`,
      severity: Math.min(1, (after - before) / 10_000),
      evidence: { baselineMs: before, candidateMs: after, subject: 'settle time' },
    },
  ];
}

function laterTargetNames(steps: StepObservation[], index: number): Set<string> {
  const names = new Set<string>();
  for (const step of steps.slice(index + 1)) {
    if ('target' in step.action && step.action.target?.name) names.add(step.action.target.name.trim().toLowerCase());
  }
  return names;
}

function interactedRects(steps: StepObservation[], index: number): Rect[] {
  return [steps[index], steps[index + 1]]
    .map((step) => (step && 'target' in step.action ? step.action.target?.rect : undefined))
    .filter((rect): rect is Rect => Boolean(rect));
}

function applyIgnoreRules(divergence: RawDivergence, input: CompareInput, textPatterns: RegExp[]): void {
  if (divergence.noise) return;
  const path = divergence.evidence?.path;
  if (typeof path === 'string' && matchesRequestPath(path, input.ignore?.requestPaths)) return markNoise(divergence, 'ignore-rule');
  const message = divergence.evidence?.message;
  if (typeof message === 'string' && textPatterns.some((pattern) => pattern.test(message))) return markNoise(divergence, 'ignore-rule');
  if (matchesSelector(divergence, input.ignore?.selectors)) return markNoise(divergence, 'ignore-rule');
  if (input.knownNoise?.has(noiseSignature(divergence)) || input.knownNoise?.has(stepNoiseSignature(divergence))) markNoise(divergence, 'known-noise');
}

/** Changes to how an element looks or reads; a hard failure names its acted-on element but is about the action. */
const ELEMENT_CHANGE_KINDS = new Set(['element-missing', 'aria-changed', 'text-changed', 'visual-changed']);

function matchesSelector(divergence: RawDivergence, selectors: string[] | undefined): boolean {
  // Ignoring a restyled button must not hide that clicking it now fails.
  if (!selectors?.length || !ELEMENT_CHANGE_KINDS.has(divergence.kind)) return false;
  const located = [divergence.element, divergence.evidence?.subject]
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
    .map((value) => value.toLowerCase());
  return selectors.some((selector) => located.some((value) => value.includes(selector.trim().toLowerCase())));
}

function markNoise(divergence: RawDivergence, reason: string): void {
  divergence.noise = true;
  divergence.evidence = { ...divergence.evidence, noiseReason: reason };
}

/** After the first hard failure everything downstream differs; those differences belong to that failure. */
function attributeConsequences(divergences: RawDivergence[]): void {
  const firstHard = divergences.filter((divergence) => !divergence.noise && isHardFailure(divergence)).map((divergence) => divergence.step);
  if (!firstHard.length) return;
  const causeStep = Math.min(...firstHard);
  for (const divergence of divergences) {
    if (!divergence.noise && divergence.step > causeStep) divergence.evidence = { ...divergence.evidence, consequenceOf: causeStep };
  }
}

export function isHardFailure(divergence: Divergence): boolean {
  if (HARD_FAILURE_KINDS.has(divergence.kind)) return true;
  if (divergence.kind !== 'request-failed' && divergence.kind !== 'request-added') return false;
  const status = Number(divergence.evidence?.status ?? 200);
  return divergence.evidence?.apiRequest === true && isFailedStatus(status) && (status === 0 || status >= 500);
}

function stripInternals(divergence: RawDivergence): Divergence {
  const { units: _units, spans: _spans, regions: _regions, ...rest } = divergence;
  return rest;
}
