import { describe, expect, it } from 'vitest';
import type { SessionResultView } from '../../../protocol/api.js';
import type { NetworkObservation, StepObservation } from '../../../protocol/trajectory.js';
import { buildTimeline, initialStepIndex, urlFlow } from '../../src/sessionTimeline.js';
import { alignRequests } from '../../src/networkDiff.js';
import { describeAction } from '../../src/describeAction.js';

const button = { candidates: [{ by: 'role' as const, role: 'button', name: 'Add to cart' }], tag: 'button', role: 'button', name: 'Add to cart' };

function observation(index: number, url: string, overrides: Partial<StepObservation> = {}): StepObservation {
  return {
    index,
    action: { type: 'click', target: button },
    outcome: 'performed',
    url,
    title: '',
    aria: '',
    text: '',
    textDigest: '',
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    quiescenceMs: 0,
    durationMs: 0,
    ...overrides,
  };
}

function request(method: string, path: string, status: number, responseShape?: string): NetworkObservation {
  return { method, path, status, resourceType: 'fetch', durationMs: 1, responseShape };
}

describe('web | sessionTimeline', () => {
  const result: SessionResultView = {
    runId: 'r1',
    sessionId: 's1',
    verdict: {
      id: 's1',
      status: 'diverged',
      ticketProbability: 0.8,
      explanation: [],
      divergences: [
        { kind: 'text-changed', step: 0, summary: 'clock', severity: 0.1, noise: true },
        { kind: 'action-failed', step: 1, summary: 'missing', severity: 1 },
        { kind: 'page-error', step: 5, summary: 'late', severity: 0.5 },
      ],
    },
    baseline: { sessionId: 's1', target: 'b', mode: 'live', status: 'completed', startedAt: 0, durationMs: 1, steps: [observation(0, '/'), observation(1, '/'), observation(2, '/cart')] },
    candidate: { sessionId: 's1', target: 'c', mode: 'live', status: 'completed', startedAt: 0, durationMs: 1, steps: [observation(0, '/'), observation(1, '/', { outcome: 'target-missing' })] },
  };

  it('joins both replays and divergences per step, marking noise-only steps', () => {
    const steps = buildTimeline(result);
    expect(steps.map((step) => step.index)).toEqual([0, 1, 2, 5]);
    expect(steps[0].onlyNoise).toBe(true);
    expect(steps[1].onlyNoise).toBe(false);
    expect(steps[1].candidate?.outcome).toBe('target-missing');
    expect(steps[2].candidate).toBeUndefined();
    // Step 5 was reached by neither side but its divergence must still be visible.
    expect(steps[3].divergences.map((d) => d.kind)).toEqual(['page-error']);
  });

  it('opens on the first real divergence, skipping noise', () => {
    expect(initialStepIndex(buildTimeline(result))).toBe(1);
    expect(initialStepIndex([])).toBeUndefined();
  });

  it('collapses consecutive repeated URLs into a flow', () => {
    expect(urlFlow(result.baseline?.steps)).toEqual(['/', '/cart']);
    expect(urlFlow(undefined)).toEqual([]);
  });
});

describe('web | alignRequests', () => {
  it('pairs requests by method and path in order and flags changed ones', () => {
    const rows = alignRequests(
      [request('GET', '/api/cart', 200), request('GET', '/api/cart', 200), request('POST', '/api/order', 200, '{id:number}')],
      [request('GET', '/api/cart', 200), request('POST', '/api/order', 500), request('GET', '/api/new', 200), request('GET', '/api/cart', 0)],
    );
    expect(rows.map((row) => [row.key, row.baseline?.status, row.candidate?.status, row.changed])).toEqual([
      ['GET /api/cart', 200, 200, false],
      ['GET /api/cart', 200, 0, true],
      ['POST /api/order', 200, 500, true],
      ['GET /api/new', undefined, 200, true],
    ]);
  });

  it('flags a changed response shape even when the status matches', () => {
    const [row] = alignRequests([request('GET', '/a', 200, '{a:number}')], [request('GET', '/a', 201, '{a:string}')]);
    expect(row.changed).toBe(true);
  });
});

describe('web | describeAction', () => {
  it('describes steps the way a person would', () => {
    expect(describeAction({ type: 'click', target: button })).toBe("click button 'Add to cart'");
    expect(describeAction({ type: 'fill', target: { candidates: [], tag: 'input', role: 'textbox', name: 'Email' }, masked: { kind: 'email', length: 12 } })).toBe(
      "fill textbox 'Email' with (masked email)",
    );
    expect(describeAction({ type: 'press', key: 'Enter' })).toBe('press Enter');
    expect(describeAction({ type: 'click', target: { candidates: [{ by: 'testid', value: 'buy' }], tag: 'div' } })).toBe("click div with testid 'buy'");
    expect(describeAction({ type: 'navigate', url: '/checkout' })).toBe('open /checkout');
  });
});
