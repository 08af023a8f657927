// Pure shaping of the model for display: weights ranked by strength, bars scaled to the strongest.
import type { ModelView } from '../../protocol/api.js';

export interface WeightBar {
  feature: string;
  weight: number;
  direction: 'raises' | 'lowers' | 'none';
  widthPercent: number;
}

export function weightBars(weights: ModelView['weights']): WeightBar[] {
  const entries = Object.entries(weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]));
  const strongest = Math.max(...entries.map(([, weight]) => Math.abs(weight)), 1e-9);
  return entries.map(([feature, weight]) => ({
    feature,
    weight,
    direction: weight > 0 ? 'raises' : weight < 0 ? 'lowers' : 'none',
    widthPercent: Math.round((Math.abs(weight) / strongest) * 100),
  }));
}

/** How far predicted and observed rates drift apart, in words a reviewer can act on. */
export function describeBrier(brierScore: number): string {
  if (brierScore <= 0.05) return 'well calibrated';
  if (brierScore <= 0.15) return 'fairly calibrated';
  return 'poorly calibrated: triage more divergences to teach it';
}
