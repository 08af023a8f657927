import { describe, expect, it } from 'vitest';
import type { EvaluationPoint } from '../../../protocol/api.js';
import { describeEvaluations, plotEvaluations, type PlotBox } from '../../src/evaluationPlot.js';

// 100×100 drawing area starting at (10, 10): positions are easy to check by hand.
const BOX: PlotBox = { width: 120, height: 130, marginLeft: 10, marginRight: 10, marginTop: 10, marginBottom: 20 };
const point = (at: number, precision: number, recall: number): EvaluationPoint => ({ at, source: 'benchmark', precision, recall });
const label = (at: number) => `t${at}`;

describe('web | plotEvaluations', () => {
  it('maps time to x across the width and shares to y from bottom (0%) to top (100%)', () => {
    const layout = plotEvaluations([point(3000, 0.5, 1), point(1000, 1, 0), point(2000, 0.25, 0.75)], BOX, label);
    expect(layout.precision.map(({ x, y }) => [x, y])).toEqual([
      [10, 10],
      [60, 85],
      [110, 60],
    ]);
    expect(layout.recall.map(({ y }) => y)).toEqual([110, 35, 10]);
    expect(layout.precisionPath).toBe('M10 10 L60 85 L110 60');
    expect(layout.xTicks).toEqual([
      { position: 10, label: 't1000' },
      { position: 60, label: 't2000' },
      { position: 110, label: 't3000' },
    ]);
    expect(layout.yTicks[0]).toEqual({ position: 110, label: '0%' });
    expect(layout.yTicks.at(-1)).toEqual({ position: 10, label: '100%' });
  });

  it('centres a lone point and clamps values outside 0..1', () => {
    const layout = plotEvaluations([point(5, 1.4, -0.2)], BOX, label);
    expect(layout.precision[0]).toMatchObject({ x: 60, y: 10 });
    expect(layout.recall[0]).toMatchObject({ x: 60, y: 110 });
    expect(layout.xTicks).toEqual([{ position: 60, label: 't5' }]);
  });

  it('draws nothing for no points', () => {
    const layout = plotEvaluations([], BOX, label);
    expect(layout.precisionPath).toBe('');
    expect(layout.xTicks).toEqual([]);
  });

  it('summarises the latest measurement for screen readers', () => {
    expect(describeEvaluations([], 'benchmark evaluations')).toBe('No benchmark evaluations yet.');
    const text = describeEvaluations([{ ...point(Date.UTC(2026, 0, 2, 3, 4), 0.8, 0.5), cases: 6 }, point(0, 0, 0)], 'benchmark evaluations');
    expect(text).toBe('Benchmark evaluations: 2. Latest 2026-01-02 03:04 UTC: precision 80%, recall 50% on 6 cases.');
  });
});
