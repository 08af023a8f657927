// Logistic model: probability = sigmoid(bias + Σ weight·value), explained by each feature's share of the log-odds.
import type { FeatureContribution, Prediction } from '../../protocol/index.js';
import type { ModelState } from './types.js';

/** Contributions exclude the bias: it is the same for every divergence and explains nothing. */
export function predict(features: Record<string, number>, model: ModelState): Prediction {
  let logOdds = model.bias;
  const contributions: FeatureContribution[] = [];
  for (const [feature, value] of Object.entries(features)) {
    const weight = model.weights[feature] ?? 0;
    if (!value || !weight) continue;
    logOdds += weight * value;
    contributions.push({ feature, value, contribution: round(weight * value) });
  }
  contributions.sort((left, right) => Math.abs(right.contribution) - Math.abs(left.contribution));
  return { probability: sigmoid(logOdds), contributions };
}

export function sigmoid(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
