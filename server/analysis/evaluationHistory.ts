// Precision and recall of the ticket model over time, kept inside the project's model state JSON so that one
// store record holds the model and its track record. Pure: state in, state out.
import { DEFAULT_TICKET_THRESHOLD, type EvaluationPoint } from '../../protocol/index.js';
import { predict } from './predict.js';
import type { ModelState, TrainingLabel } from './types.js';

/** Oldest points are dropped past this, so the model state stays small. */
export const MAX_EVALUATION_POINTS = 500;

export type ModelStateWithHistory = ModelState & { evaluationHistory?: EvaluationPoint[] };

/** The history stored in a model state of any shape; entries that are not evaluation points are skipped. */
export function readEvaluationHistory(state: unknown): EvaluationPoint[] {
  const history = (state as { evaluationHistory?: unknown } | undefined)?.evaluationHistory;
  if (!Array.isArray(history)) return [];
  return history.filter(
    (point): point is EvaluationPoint =>
      !!point && typeof point.at === 'number' && typeof point.precision === 'number' && typeof point.recall === 'number',
  );
}

/** A new state equal to `state` with `point` appended in time order and the oldest points beyond the cap dropped. */
export function withEvaluation<T extends object>(state: T, point: EvaluationPoint): T & { evaluationHistory: EvaluationPoint[] } {
  const history = [...readEvaluationHistory(state), point].sort((a, b) => a.at - b.at).slice(-MAX_EVALUATION_POINTS);
  return { ...state, evaluationHistory: history };
}

/** How the model does on the labels it was fitted on: a ticket is predicted at the default threshold. */
export function evaluateOnLabels(labels: TrainingLabel[], model: ModelState, at: number): EvaluationPoint {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const label of labels) {
    const flagged = predict(label.features, model).probability >= DEFAULT_TICKET_THRESHOLD;
    const ticket = label.decision === 'ticket';
    if (flagged && ticket) truePositives++;
    else if (flagged) falsePositives++;
    else if (ticket) falseNegatives++;
    else trueNegatives++;
  }
  return {
    at,
    source: 'labels',
    precision: ratio(truePositives, truePositives + falsePositives, 1),
    recall: ratio(truePositives, truePositives + falseNegatives, 1),
    falseAlarmRate: ratio(falsePositives, falsePositives + trueNegatives, 0),
    cases: labels.length,
  };
}

function ratio(numerator: number, denominator: number, whenEmpty: number): number {
  return denominator ? Math.round((numerator / denominator) * 10_000) / 10_000 : whenEmpty;
}
