// Learning from triage: L2-regularized logistic regression pulled toward the prior, plus a calibration report.
import type { Calibration, ModelState, TrainingLabel } from './types.js';
import { predict } from './predict.js';

const ITERATIONS = 500;
const LEARNING_RATE = 0.5;
// How strongly the weights stay near the prior; the data outweighs it as labels accumulate.
const PRIOR_STRENGTH = 2;
const CALIBRATION_BINS = 5;

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
  const bins = Array.from({ length: CALIBRATION_BINS }, (_, index) => ({
    lower: index / CALIBRATION_BINS,
    upper: (index + 1) / CALIBRATION_BINS,
    count: 0,
    meanPredicted: 0,
    observedRate: 0,
  }));
  let squaredError = 0;
  for (const label of labels) {
    const probability = predict(label.features, model).probability;
    const outcome = label.decision === 'ticket' ? 1 : 0;
    squaredError += (probability - outcome) ** 2;
    const bin = bins[Math.min(CALIBRATION_BINS - 1, Math.floor(probability * CALIBRATION_BINS))];
    bin.count++;
    bin.meanPredicted += probability;
    bin.observedRate += outcome;
  }
  for (const bin of bins) {
    if (!bin.count) continue;
    bin.meanPredicted = Math.round((bin.meanPredicted / bin.count) * 1000) / 1000;
    bin.observedRate = Math.round((bin.observedRate / bin.count) * 1000) / 1000;
  }
  return { bins, brierScore: labels.length ? Math.round((squaredError / labels.length) * 10_000) / 10_000 : 0 };
}
