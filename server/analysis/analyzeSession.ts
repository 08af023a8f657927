// One session's verdict: divergences, a ticket probability for each, and the session's overall outlook.
import type { Divergence, FeatureContribution, SessionVerdict } from '../../protocol/index.js';
import { compareReplays, isHardFailure } from './compareReplays.js';
import { describeAction, imperativeAction } from './describeAction.js';
import { featuresOf } from './featuresOf.js';
import { isOnConversionPath } from './conversionPath.js';
import { predict } from './predict.js';
import { routeOf } from './stepPair.js';
import type { CompareInput, ModelState } from './types.js';

export interface AnalyzeSessionInput extends CompareInput {
  sessionId: string;
  userId?: string;
  model: ModelState;
  context?: {
    /** How many sessions of the run show a divergence like this one (same noise signature), this one included. */
    sharedBySessions?: (d: Divergence) => number;
    sessionCount?: number;
    /** Share of past divergences on this route that became tickets, when the store knows it. */
    pageTicketRate?: (route: string) => number | undefined;
  };
}

const TOP_CONTRIBUTIONS_KEPT = 6;

/**
 * Baseline failed: nothing to compare against, so 'error'. Candidate failed before doing anything: most likely the
 * preview is unreachable, an infrastructure problem rather than a regression, so 'error' too. Candidate failed
 * part-way while the baseline completed: that is behaviour, reported as an 'action-failed' divergence at the step
 * the candidate did not get through.
 */
export async function analyzeSession(input: AnalyzeSessionInput): Promise<SessionVerdict> {
  const { baseline, candidate, sessionId } = input;
  const reproSteps = baseline.steps.map((step) => imperativeAction(step.action));
  if (baseline.status === 'error') {
    return errorVerdict(input, `Cannot judge session ${sessionId}: the baseline replay failed (${baseline.error ?? 'no reason given'}). Check that the baseline deployment serves this session's pages, then re-run.`, reproSteps);
  }
  if (candidate.status === 'error' && !candidate.steps.some((step) => step.outcome === 'performed')) {
    return errorVerdict(input, `Cannot judge session ${sessionId}: the candidate replay failed before its first step (${candidate.error ?? 'no reason given'}). Check that the preview deployment is reachable, then re-run.`, reproSteps);
  }
  const divergences = await compareReplays(input);
  if (candidate.status === 'error') divergences.push(replayStoppedDivergence(input, divergences));

  const blockStep = firstBlockingStep(input, divergences);
  let top: { probability: number; contributions: FeatureContribution[] } | undefined;
  for (const divergence of divergences) {
    if (divergence.noise) continue;
    const isConsequence = divergence.evidence?.consequenceOf !== undefined;
    const features = featuresOf(divergence, {
      sessionCount: input.context?.sessionCount ?? 1,
      sharedBySessions: input.context?.sharedBySessions?.(divergence) ?? 1,
      onConversionPath: isOnConversionPath([
        String(divergence.evidence?.routeBefore ?? ''),
        String(divergence.evidence?.route ?? ''),
        String(divergence.evidence?.action ?? ''),
      ]),
      pageTicketRate: input.context?.pageTicketRate?.(String(divergence.evidence?.routeBefore ?? '')),
      blockedPath: blockStep !== undefined && !isConsequence && (isHardFailure(divergence) || divergence.step === blockStep),
    });
    const prediction = predict(features, input.model);
    divergence.evidence = {
      ...divergence.evidence,
      ticketProbability: Math.round(prediction.probability * 1000) / 1000,
      features: JSON.stringify(features),
      contributions: JSON.stringify(prediction.contributions.slice(0, TOP_CONTRIBUTIONS_KEPT)),
    };
    if (!top || prediction.probability > top.probability) top = prediction;
  }
  return {
    id: sessionId,
    status: divergences.some((divergence) => !divergence.noise) ? 'diverged' : 'pass',
    ...(candidate.status === 'error' ? { error: `The candidate replay stopped: ${candidate.error ?? 'no reason given'}` } : {}),
    ticketProbability: top ? Math.round(top.probability * 1000) / 1000 : 0,
    divergences,
    explanation: top?.contributions ?? [],
    ...(input.userId ? { userId: input.userId } : {}),
    reproSteps,
  };
}

/** The features stored on a scored divergence, for triage labels. */
export function featuresFromEvidence(d: Divergence): Record<string, number> | undefined {
  const raw = d.evidence?.features;
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw) as Record<string, number>;
  } catch {
    return undefined;
  }
}

function errorVerdict(input: AnalyzeSessionInput, error: string, reproSteps: string[]): SessionVerdict {
  return {
    id: input.sessionId,
    status: 'error',
    error,
    ticketProbability: 0,
    divergences: [],
    explanation: [],
    ...(input.userId ? { userId: input.userId } : {}),
    reproSteps,
  };
}

function replayStoppedDivergence(input: AnalyzeSessionInput, divergences: Divergence[]): Divergence {
  const { baseline, candidate } = input;
  const step = Math.min(candidate.steps.length, Math.max(0, baseline.steps.length - 1));
  const action = baseline.steps[step] ? describeAction(baseline.steps[step].action) : 'the next step';
  const earlierHard = divergences.filter((divergence) => !divergence.noise && isHardFailure(divergence) && divergence.step < step);
  const baselineStep = baseline.steps[step];
  return {
    kind: 'action-failed',
    step,
    summary: `The candidate replay stopped before ${action}: ${candidate.error ?? 'no reason given'}`,
    severity: 1,
    evidence: {
      replayError: true,
      outcome: 'error',
      outcomeReason: candidate.error ?? null,
      subject: 'replay stopped',
      action,
      actionType: baselineStep?.action.type ?? '',
      route: baselineStep ? routeOf(baselineStep.url) : '',
      routeBefore: baseline.steps[step - 1] ? routeOf(baseline.steps[step - 1].url) : '',
      actionTarget: '',
      ...(earlierHard.length ? { consequenceOf: Math.min(...earlierHard.map((divergence) => divergence.step)) } : {}),
    },
  };
}

/**
 * The user could not finish what they did in the recording: a step failed, or the session ended on a different
 * route than on the baseline. Returns the step where that became visible.
 */
function firstBlockingStep(input: AnalyzeSessionInput, divergences: Divergence[]): number | undefined {
  const failed = divergences.filter((divergence) => !divergence.noise && divergence.kind === 'action-failed').map((divergence) => divergence.step);
  if (failed.length) return Math.min(...failed);
  const compared = Math.min(input.baseline.steps.length, input.candidate.steps.length);
  if (!compared) return undefined;
  const lastBaseline = routeOf(input.baseline.steps[compared - 1].url);
  const lastCandidate = routeOf(input.candidate.steps[compared - 1].url);
  if (lastBaseline === lastCandidate) return undefined;
  const navigation = divergences.find((divergence) => !divergence.noise && divergence.kind === 'navigation-changed');
  return navigation?.step ?? compared - 1;
}
