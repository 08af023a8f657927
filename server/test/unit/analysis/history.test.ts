import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionVerdict, StepObservation } from '../../../../protocol/index.js';
import {
  analyzeSession,
  defaultModel,
  evaluateBenchmark,
  formatBenchmarkEvaluation,
  groupTickets,
  noiseToRemember,
  pageTicketRates,
  readNoiseMemory,
  rescoreRun,
  type IgnoreRules,
} from '../../../analysis/index.js';
import { SqliteStore } from '../../../store/index.js';
import { checkoutSteps, memoryBlobs, replay, request, withStep } from './fixtures.js';

const ROTATING = withStep(checkoutSteps('https://preview.test'), 0, { text: 'Home Cart (2) Checkout Email Place order Updated 9 seconds ago' });

async function analyze(sessionId: string, candidate: StepObservation[], options: { repeat?: StepObservation[]; knownNoise?: Set<string>; ignore?: IgnoreRules } = {}): Promise<SessionVerdict> {
  const blobs = memoryBlobs();
  return analyzeSession({
    sessionId,
    baseline: replay(checkoutSteps()),
    ...(options.repeat ? { baselineRepeat: replay(options.repeat) } : {}),
    candidate: replay(candidate),
    loadBlob: blobs.loadBlob,
    saveBlob: blobs.saveBlob,
    model: defaultModel(),
    knownNoise: options.knownNoise,
    ignore: options.ignore,
  });
}

function orderFails(): StepObservation[] {
  return withStep(checkoutSteps('https://preview.test'), 2, {
    url: 'https://preview.test/checkout',
    aria: checkoutSteps()[1].aria,
    text: checkoutSteps()[1].text,
    requests: [request('POST', '/api/orders', 500)],
  });
}

describe('analysis | noise memory across runs', () => {
  it('remembers what the A/A pair cancelled, per step, and cancels it in a later run without a repeat', async () => {
    const first = await analyze('s1', ROTATING, { repeat: ROTATING });
    expect(first.status).toBe('pass');
    const remembered = noiseToRemember(first, 'run-1', true);
    expect(remembered).toEqual(["0|text-changed|/checkout|'#' → '#'", 'aa-run|run-1']);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-noise-'));
    const store = await SqliteStore.open(dir);
    try {
      await store.addNoiseSignatures('p', 's1', remembered);
      await store.addNoiseSignatures('p', 's1', noiseToRemember(first, 'run-2', true));
      const stored = await store.getNoiseSignatures('p', 's1');
      expect([...stored].sort()).toEqual(["0|text-changed|/checkout|'#' → '#'", 'aa-run|run-1', 'aa-run|run-2']);
      expect((await store.getNoiseSignatures('p', 'other')).size).toBe(0);
      const memory = readNoiseMemory(stored);
      expect(memory).toMatchObject({ aaRuns: 2, replayBaselineTwice: false });
      expect(readNoiseMemory(new Set(remembered)).replayBaselineTwice).toBe(true);

      const withoutMemory = await analyze('s1', ROTATING);
      expect(withoutMemory.status).toBe('diverged');
      const withMemory = await analyze('s1', ROTATING, { knownNoise: memory.knownNoise });
      expect(withMemory.status).toBe('pass');
      expect(withMemory.divergences[0].evidence?.noiseReason).toBe('known-noise');
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('remembers nothing from a run without an A/A pair', async () => {
    const verdict = await analyze('s1', ROTATING, { repeat: ROTATING });
    expect(noiseToRemember(verdict, 'run-3', false)).toEqual([]);
  });
});

describe('analysis | project ignore rules', () => {
  it('treats changes on an ignored element, text or request as noise, but not a failing action on it', async () => {
    const footer = await analyze('s1', ROTATING, { ignore: { textPatterns: ['^[\\d ]+$'] } });
    expect(footer.status).toBe('pass');
    const failing = await analyze('s2', orderFails(), { ignore: { selectors: ["heading 'Thank you", "button 'Place order'"], requestPaths: ['/api/orders'] } });
    const kinds = failing.divergences.filter((divergence) => !divergence.noise).map((divergence) => divergence.kind);
    expect(kinds).not.toContain('request-failed');
    expect(failing.divergences.find((divergence) => divergence.kind === 'request-failed')?.evidence?.noiseReason).toBe('ignore-rule');
    expect(kinds).toContain('navigation-changed');
    expect(failing.divergences.find((divergence) => divergence.kind === 'element-missing')?.evidence?.noiseReason).toBe('ignore-rule');
  });
});

describe('analysis | run context', () => {
  it('raises a behavioural divergence shared by many sessions, and learns from page ticket history', async () => {
    const verdicts = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => analyze(id, orderFails())));
    const before = verdicts[0].ticketProbability;
    const shared = rescoreRun(verdicts, defaultModel());
    expect(shared[0].ticketProbability).toBeGreaterThan(before);
    expect(shared[0].explanation.map((contribution) => contribution.feature)).toContain('sharedSessions');
    expect(verdicts[0].ticketProbability).toBe(before);

    const restyle = await analyze('r', withStep(checkoutSteps('https://preview.test'), 0, { text: 'Home Cart (2) Checkout now Email Place order Updated 3 seconds ago' }));
    const rate = pageTicketRates([
      { route: '/checkout', decision: 'intended' },
      { route: '/checkout', decision: 'intended' },
      { route: '/checkout', decision: 'intended' },
      { route: '/cart', decision: 'ticket' },
    ]);
    expect(rate('/checkout')).toBe(0);
    expect(rate('/cart')).toBeUndefined();
    const rescored = rescoreRun([restyle], defaultModel(), { pageTicketRate: () => 1 });
    expect(rescored[0].ticketProbability).toBeGreaterThan(restyle.ticketProbability);
    expect(groupTickets(rescoreRun([restyle], defaultModel(), { pageTicketRate: rate }))).toEqual([]);
  });
});

describe('analysis | evaluateBenchmark', () => {
  it('scores runs and sessions: recall, precision, false alarms per session and calibration', async () => {
    const broken = await analyze('x', orderFails());
    const fine = await analyze('y', checkoutSteps('https://preview.test'));
    const report = (sessions: SessionVerdict[]) => ({ sessions, tickets: groupTickets(sessions) });
    const evaluation = evaluateBenchmark([
      { benchmarkCase: { app: 'shop', variant: 'checkout-500', kind: 'regression', expectedDivergence: 'request-failed' }, report: report([broken, fine]) },
      { benchmarkCase: { app: 'shop', variant: 'dead-button', kind: 'regression', expectedDivergence: 'request-missing' }, report: report([fine]) },
      { benchmarkCase: { app: 'shop', variant: 'baseline', kind: 'baseline' }, report: report([fine, fine]) },
      { benchmarkCase: { app: 'shop', variant: 'restyle', kind: 'benign' }, report: report([broken, fine]) },
    ]);
    expect(evaluation.cases.map((outcome) => outcome.passed)).toEqual([true, false, true, false]);
    expect(evaluation.recall).toBe(0.5);
    expect(evaluation.precision).toBe(0.5);
    expect(evaluation.sessionFalseAlarmRate).toBe(0.25);
    expect(evaluation.goalMet).toBe(false);
    expect(evaluation.calibration.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(7);
    expect(evaluation.calibration.brierScore).toBeGreaterThan(0);
    const table = formatBenchmarkEvaluation(evaluation);
    expect(table).toContain('| shop | checkout-500 | regression | 2 | 1 | 1 |');
    expect(table).toContain('| recall (runs) | 50.0% |');
    expect(table).toContain('| false-alarm rate (sessions of harmless runs) | 25.0% |');
  });
});
