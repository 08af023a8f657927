import { describe, expect, it } from 'vitest';
import { describeBrier, weightBars } from '../../src/modelView.js';
import { epochOfLocalInput } from '../../src/components/sessionFilters.js';

describe('web | modelView', () => {
  it('ranks weights by strength and scales bars to the strongest', () => {
    const bars = weightBars({ severity: 0.5, noise: -6, 'kind:page-error': 3, unused: 0 });
    expect(bars.map((bar) => bar.feature)).toEqual(['noise', 'kind:page-error', 'severity', 'unused']);
    expect(bars[0]).toEqual({ feature: 'noise', weight: -6, direction: 'lowers', widthPercent: 100 });
    expect(bars[1]).toMatchObject({ direction: 'raises', widthPercent: 50 });
    expect(bars[3]).toMatchObject({ direction: 'none', widthPercent: 0 });
  });

  it('has no bars for an empty model', () => {
    expect(weightBars({})).toEqual([]);
  });

  it('describes the Brier score in words', () => {
    expect(describeBrier(0.01)).toBe('well calibrated');
    expect(describeBrier(0.1)).toBe('fairly calibrated');
    expect(describeBrier(0.3)).toMatch(/poorly calibrated/);
  });
});

describe('web | sessionFilters', () => {
  it('reads datetime-local values as local time and ignores empty or invalid ones', () => {
    expect(epochOfLocalInput('2026-03-01T10:30')).toBe(new Date(2026, 2, 1, 10, 30).getTime());
    expect(epochOfLocalInput('')).toBeUndefined();
    expect(epochOfLocalInput('not a date')).toBeUndefined();
  });
});
