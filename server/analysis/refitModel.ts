// Learning from triage: L2-regularized logistic regression pulled toward the prior, plus a calibration report.
import type { Calibration, ModelState, TrainingLabel } from './types.js';
import { predict } from './predict.js';
import { reliability } from './reliability.js';

const ITERATIONS = 500;
const LEARNING_RATE = 0.5;
// How strongly the weights stay near the prior; the data outweighs it as labels accumulate.
const PRIOR_STRENGTH = 2;

export function refitModel(labels: TrainingLabel[], prior: ModelState): ModelState {
  if (!labels.length) return { ...prior, weights: { ...prior.weights }, trainedOn: 0 };
  const names = [...new Set([...Object.keys(prior.weights), ...labels.flatMap((label) => Object.keys(label.features))])];
  const column = new Map(names.map((name, index) => [name, index]));
  const priorWeights = Float64Array.from(names, (name) => prior.weights[name] ?? 0);
  const weights = Float64Array.from(priorWeights);
  let bias = prior.bias;
  const rows = labels.map((label) => Object.entries(label.features).map(([name, value]) => [column.get(name)!, value] as const));
  const targets = labels.map((label) => (label.decision === 'ticket' ? 1 : 0));
  const count = labels.length;
  const gradient = new Float64Array(names.length);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let row = 0; row < count; row++) {
      let logOdds = bias;
      for (const [index, value] of rows[row]) logOdds += weights[index] * value;
      const error = 1 / (1 + Math.exp(-logOdds)) - targets[row];
      biasGradient += error;
      for (const [index, value] of rows[row]) gradient[index] += error * value;
    }
    for (let index = 0; index < names.length; index++) {
      weights[index] -= (LEARNING_RATE / count) * (gradient[index] + PRIOR_STRENGTH * (weights[index] - priorWeights[index]));
    }
    bias -= (LEARNING_RATE / count) * (biasGradient + PRIOR_STRENGTH * (bias - prior.bias));
  }
  const fitted: ModelState = {
    version: 1,
    bias,
    weights: Object.fromEntries(names.map((name, index) => [name, Math.round(weights[index] * 10_000) / 10_000])),
    trainedOn: count,
  };
  return { ...fitted, calibration: calibrate(labels, fitted) };
}

/** Reliability bins and Brier score of a model's predictions on labelled divergences. */
export function calibrate(labels: TrainingLabel[], model: ModelState): Calibration {
  return reliability(
    labels.map((label) => ({ probability: predict(label.features, model).probability, outcome: label.decision === 'ticket' ? 1 : 0 })),
  );
}
