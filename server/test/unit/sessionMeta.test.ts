import { describe, expect, it } from 'vitest';
import { browserName, emptySummary, mergeBatchIntoSummary } from '../../store/index.js';
import { batch, custom } from '../helpers/batches.js';

describe('server/store | mergeBatchIntoSummary', () => {
  it('counts rrweb clicks and inputs only when the batch has no Reprise actions', () => {
    const rrwebOnly = mergeBatchIntoSummary(emptySummary('p', 's', 1), batch('s-rrweb-1', 0, [
      { type: 3, data: { source: 2, type: 2, id: 1, x: 0, y: 0 }, timestamp: 10 },
      { type: 3, data: { source: 5, text: 'a', isChecked: false, id: 2, userTriggered: true }, timestamp: 11 },
    ]));
    expect(rrwebOnly.counts).toMatchObject({ clicks: 1, inputs: 1 });
    const withActions = mergeBatchIntoSummary(rrwebOnly, batch('s-rrweb-1', 1, [
      { type: 3, data: { source: 2, type: 2, id: 1, x: 0, y: 0 }, timestamp: 20 },
      custom('reprise.action', { type: 'key', key: 'Enter' }, 21),
    ]));
    expect(withActions.counts).toMatchObject({ clicks: 1, inputs: 1 });
  });

  it('tracks missing seqs from the batch count alone', () => {
    let summary = emptySummary('p', 's', 1);
    summary = mergeBatchIntoSummary(summary, batch('s-gaps-01', 2, [custom('reprise.track', { name: 'a' }, 5)]));
    expect(summary.missingSeqs).toEqual([0, 1]);
    summary = mergeBatchIntoSummary(summary, batch('s-gaps-01', 0, [custom('reprise.track', { name: 'b' }, 1)]));
    expect(summary).toMatchObject({ missingSeqs: [1], batches: 2, startedAt: 1, endedAt: 5, durationMs: 4 });
  });

  it('shortens user agents to browser and major version', () => {
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('Chrome 156');
    expect(browserName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox 140');
    expect(browserName('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15')).toBe('Safari 18');
    expect(browserName('Mozilla/5.0 AppleWebKit/537.36 Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0')).toBe('Edge 130');
  });
});
