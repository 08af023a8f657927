// Calibration of probabilities against outcomes: reliability bins and the Brier score.
import type { Calibration } from './types.js';

const CALIBRATION_BINS = 5;

export function reliability(scored: { probability: number; outcome: 0 | 1 }[]): Calibration {
  const bins = Array.from({ length: CALIBRATION_BINS }, (_, index) => ({
    lower: index / CALIBRATION_BINS,
    upper: (index + 1) / CALIBRATION_BINS,
    count: 0,
    meanPredicted: 0,
    observedRate: 0,
  }));
  let squaredError = 0;
  for (const { probability, outcome } of scored) {
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
  return { bins, brierScore: scored.length ? Math.round((squaredError / scored.length) * 10_000) / 10_000 : 0 };
}
