import { describe, expect, it } from 'vitest';
import { explanationBars } from '../../src/explanation.js';

describe('web | explanationBars', () => {
  it('scales bars to the largest magnitude and keeps the sign as a direction', () => {
    const bars = explanationBars([
      { feature: 'a', value: 1, contribution: 0.5 },
      { feature: 'b', value: 1, contribution: -2 },
      { feature: 'c', value: 0, contribution: 1 },
    ]);
    expect(bars.map((bar) => bar.feature)).toEqual(['b', 'c', 'a']);
    expect(bars.map((bar) => bar.widthPercent)).toEqual([100, 50, 25]);
    expect(bars.map((bar) => bar.direction)).toEqual(['lowers', 'raises', 'raises']);
  });

  it('keeps tiny contributions visible, zero ones empty, and drops non-finite ones', () => {
    const bars = explanationBars([
      { feature: 'big', value: 1, contribution: 10 },
      { feature: 'tiny', value: 1, contribution: 0.01 },
      { feature: 'zero', value: 0, contribution: 0 },
      { feature: 'broken', value: 0, contribution: Number.NaN },
    ]);
    expect(bars.find((bar) => bar.feature === 'tiny')?.widthPercent).toBe(3);
    expect(bars.find((bar) => bar.feature === 'zero')).toMatchObject({ widthPercent: 0, direction: 'neutral' });
    expect(bars.some((bar) => bar.feature === 'broken')).toBe(false);
  });

  it('limits the number of bars and handles an empty explanation', () => {
    const many = Array.from({ length: 10 }, (_, index) => ({ feature: `f${index}`, value: 1, contribution: index + 1 }));
    expect(explanationBars(many, 4)).toHaveLength(4);
    expect(explanationBars([])).toEqual([]);
  });
});
