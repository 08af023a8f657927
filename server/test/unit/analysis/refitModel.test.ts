import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../../../protocol/index.js';
import { defaultModel, featuresOf, predict, refitModel, type TrainingLabel } from '../../../analysis/index.js';

const context = { sessionCount: 10, sharedBySessions: 1, onConversionPath: false, blockedPath: false };

function visualChange(severity: number): Divergence {
  return { kind: 'visual-changed', step: 1, summary: 'The header looks different', severity, evidence: { route: '/' } };
}

describe('analysis | refitModel', () => {
  it('raises the probability of similar divergences after they are labelled tickets', () => {
    const prior = defaultModel();
    const probe = featuresOf(visualChange(0.4), context);
    const before = predict(probe, prior).probability;
    const labels: TrainingLabel[] = [0.3, 0.35, 0.45, 0.5, 0.38, 0.42].map((severity) => ({ features: featuresOf(visualChange(severity), context), decision: 'ticket' }));
    const refit = refitModel(labels, prior);
    const after = predict(probe, refit).probability;
    expect(after).toBeGreaterThan(before + 0.2);
    expect(refit.trainedOn).toBe(6);
    expect(refit.calibration?.bins).toHaveLength(5);
    expect(refit.calibration!.brierScore).toBeLessThan(0.5);
    // Weights of features the labels never touched stay at the prior.
    expect(refit.weights['kind:page-error']).toBeCloseTo(prior.weights['kind:page-error'], 3);
  });

  it('lowers the probability of divergences labelled intended', () => {
    const prior = defaultModel();
    const pageError: Divergence = { kind: 'page-error', step: 0, summary: 'New uncaught error: ResizeObserver loop', severity: 1 };
    const features = featuresOf(pageError, context);
    const refit = refitModel(Array.from({ length: 8 }, () => ({ features, decision: 'intended' as const })), prior);
    expect(predict(features, refit).probability).toBeLessThan(predict(features, prior).probability - 0.2);
  });

  it('orders contributions by magnitude and leaves the prior unchanged without labels', () => {
    const prediction = predict({ 'kind:action-failed': 1, severity: 1, blockedPath: 1, noise: 0 }, defaultModel());
    expect(prediction.contributions.map((contribution) => contribution.feature)).toEqual(['kind:action-failed', 'blockedPath', 'severity']);
    expect(refitModel([], defaultModel()).weights).toEqual(defaultModel().weights);
  });
});
