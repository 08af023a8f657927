// One timeline row per trajectory step, joining both replays' observations and the divergences at that step.
import type { SessionResultView } from '../../protocol/api.js';
import type { Divergence } from '../../protocol/divergence.js';
import type { StepAction, StepObservation } from '../../protocol/trajectory.js';

export interface TimelineStep {
  index: number;
  action: StepAction;
  baseline?: StepObservation;
  candidate?: StepObservation;
  divergences: Divergence[];
  /** Every divergence at this step is noise: shown muted, never raises the probability. */
  onlyNoise: boolean;
}

export function buildTimeline(result: SessionResultView): TimelineStep[] {
  const byIndex = new Map<number, TimelineStep>();
  const ensure = (index: number, action: StepAction) => {
    let step = byIndex.get(index);
    if (!step) {
      step = { index, action, divergences: [], onlyNoise: false };
      byIndex.set(index, step);
    }
    return step;
  };
  for (const observation of result.baseline?.steps ?? []) ensure(observation.index, observation.action).baseline = observation;
  for (const observation of result.candidate?.steps ?? []) ensure(observation.index, observation.action).candidate = observation;
  for (const divergence of result.verdict.divergences) {
    const step = byIndex.get(divergence.step);
    // A divergence at a step neither replay reached still needs a row, or it would be invisible.
    if (step) step.divergences.push(divergence);
    else ensure(divergence.step, { type: 'navigate', url: '(step not reached)' }).divergences.push(divergence);
  }
  const steps = [...byIndex.values()].sort((a, b) => a.index - b.index);
  for (const step of steps) step.onlyNoise = step.divergences.length > 0 && step.divergences.every((d) => d.noise);
  return steps;
}

/** The step to show first: the first one with a real (non-noise) divergence, else the first step. */
export function initialStepIndex(steps: readonly TimelineStep[]): number | undefined {
  return (steps.find((step) => step.divergences.some((d) => !d.noise)) ?? steps[0])?.index;
}

/** Consecutive distinct URLs a replay went through, for the URL flow of each side. */
export function urlFlow(steps: readonly StepObservation[] | undefined): string[] {
  const flow: string[] = [];
  for (const step of steps ?? []) if (step.url && flow[flow.length - 1] !== step.url) flow.push(step.url);
  return flow;
}
