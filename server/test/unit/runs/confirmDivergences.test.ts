import { describe, expect, it } from 'vitest';
import type { Divergence, SessionVerdict } from '../../../../protocol/index.js';
import { confirmDivergences } from '../../../runs/confirmDivergences.js';

const divergence = (kind: Divergence['kind'], step: number, probability: number): Divergence => ({
  kind,
  step,
  summary: `${kind} at ${step}`,
  severity: 1,
  evidence: { ticketProbability: probability },
});

const verdictOf = (divergences: Divergence[]): SessionVerdict => ({
  id: 's1',
  status: divergences.some((d) => !d.noise) ? 'diverged' : 'pass',
  ticketProbability: Math.max(0, ...divergences.filter((d) => !d.noise).map((d) => Number(d.evidence?.ticketProbability))),
  divergences,
  explanation: [{ feature: 'blockedPath', value: 1, contribution: 2 }],
});

describe('server | runs | confirmDivergences', () => {
  it('marks a divergence that does not reproduce on a second candidate replay as flaky noise', async () => {
    const first = verdictOf([divergence('action-failed', 7, 0.95), divergence('visual-changed', 3, 0.1)]);
    const second = verdictOf([divergence('visual-changed', 3, 0.1)]);
    const confirmed = await confirmDivergences(first, async () => second);
    const failed = confirmed.divergences.find((d) => d.kind === 'action-failed')!;
    expect(failed.noise).toBe(true);
    expect(failed.evidence?.noiseReason).toBe('flaky');
    expect(confirmed.ticketProbability).toBeCloseTo(0.1);
    expect(confirmed.status).toBe('diverged');
  });

  it('keeps a divergence that reproduces, with the lower of its two probabilities and that one\'s explanation', async () => {
    const first = verdictOf([divergence('request-failed', 30, 0.9)]);
    const confirmed = await confirmDivergences(first, async () => verdictOf([divergence('request-failed', 30, 0.95)]));
    expect(confirmed.divergences[0].noise).toBeUndefined();
    expect(confirmed.ticketProbability).toBeCloseTo(0.9);
    expect(confirmed.explanation).toHaveLength(1);

    // A benign visual change that reproduces, whose first replay also happened not to get through the step:
    // the context of that flake (blocked path) must not make the change a ticket.
    const blocked = { ...divergence('visual-changed', 4, 0.57), evidence: { ticketProbability: 0.57, contributions: JSON.stringify([{ feature: 'blockedPath', value: 1, contribution: 2.2 }]) } };
    const calm = { ...divergence('visual-changed', 4, 0.12), evidence: { ticketProbability: 0.12, contributions: JSON.stringify([{ feature: 'kind:visual-changed', value: 1, contribution: 0.2 }]) } };
    const downgraded = await confirmDivergences(verdictOf([blocked]), async () => verdictOf([calm]));
    expect(downgraded.divergences[0].noise).toBeUndefined();
    expect(downgraded.ticketProbability).toBeCloseTo(0.12);
    expect(downgraded.divergences[0].evidence?.ticketProbability).toBeCloseTo(0.12);
    expect(downgraded.explanation.map((c) => c.feature)).toEqual(['kind:visual-changed']);
  });

  it('does not replay again when nothing would become a ticket', async () => {
    let replays = 0;
    const low = verdictOf([divergence('visual-changed', 2, 0.2)]);
    await confirmDivergences(low, async () => {
      replays++;
      return low;
    });
    expect(replays).toBe(0);
  });
});
