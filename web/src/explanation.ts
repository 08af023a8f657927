// Scales feature contributions (log-odds) to bar widths. Bars share one scale per explanation so that their
// lengths compare; the largest magnitude fills the column.
import type { FeatureContribution } from '../../protocol/divergence.js';

export interface ExplanationBar {
  feature: string;
  value: number;
  contribution: number;
  direction: 'raises' | 'lowers' | 'neutral';
  /** 0..100, share of the largest magnitude. */
  widthPercent: number;
}

export function explanationBars(contributions: readonly FeatureContribution[], maxBars = 6): ExplanationBar[] {
  const ranked = contributions
    .filter((item) => Number.isFinite(item.contribution))
    .slice()
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, maxBars);
  const largest = Math.max(0, ...ranked.map((item) => Math.abs(item.contribution)));
  return ranked.map((item) => ({
    feature: item.feature,
    value: item.value,
    contribution: item.contribution,
    direction: item.contribution > 0 ? 'raises' : item.contribution < 0 ? 'lowers' : 'neutral',
    // A visible minimum keeps tiny but non-zero contributions from disappearing.
    widthPercent: largest === 0 || item.contribution === 0 ? 0 : Math.max(3, Math.round((Math.abs(item.contribution) / largest) * 100)),
  }));
}
