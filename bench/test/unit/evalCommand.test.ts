import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport, SessionVerdict } from '../../../protocol/index.js';
import { analyzeSession, defaultModel, groupTickets } from '../../../server/analysis/index.js';
import { runEval } from '../../../server/cli/evalCommand.js';
import { buildProgram } from '../../../server/cli/program.js';
import { checkoutSteps, memoryBlobs, replay, request, withStep } from '../../../server/test/unit/analysis/fixtures.js';

async function verdictOf(sessionId: string, candidate = checkoutSteps('https://preview.test')): Promise<SessionVerdict> {
  const blobs = memoryBlobs();
  return analyzeSession({ sessionId, baseline: replay(checkoutSteps()), candidate: replay(candidate), loadBlob: blobs.loadBlob, saveBlob: blobs.saveBlob, model: defaultModel() });
}

function reportOf(sessions: SessionVerdict[]): RunReport {
  return { run: { id: 'r', baseline: 'b', candidate: 'c', durationMs: 1, status: 'completed', createdAt: 0 }, sessions, tickets: groupTickets(sessions) };
}

describe('bench | reprise eval on stored reports', () => {
  it('scores stored ci reports of a benchmark folder and prints the table; exit 0 only when the goal is met', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-eval-'));
    try {
      fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify({
        app: 'tiny', baseline: 'baseline',
        cases: [{ variant: 'baseline', kind: 'baseline' }, { variant: 'order-500', kind: 'regression', expectedDivergence: 'request-failed' }],
      }));
      const broken = withStep(checkoutSteps('https://preview.test'), 2, { url: 'https://preview.test/checkout', aria: checkoutSteps()[1].aria, text: checkoutSteps()[1].text, requests: [request('POST', '/api/orders', 500)] });
      fs.writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(reportOf([await verdictOf('a'), await verdictOf('b')])));
      fs.writeFileSync(path.join(dir, 'order-500.json'), JSON.stringify(reportOf([await verdictOf('a', broken), await verdictOf('b')])));
      const lines: string[] = [];
      expect(await runEval({ bench: dir, reports: dir, json: path.join(dir, 'eval.json') }, (line) => lines.push(line))).toBe(0);
      const table = lines.join('\n');
      expect(table).toContain('| tiny | order-500 | regression | 2 | 1 | 1 |');
      expect(table).toContain('| goal (recall 1, no false alarm) | met |');
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'eval.json'), 'utf8'))).toMatchObject({ recall: 1, precision: 1, sessionFalseAlarmRate: 0 });

      fs.writeFileSync(path.join(dir, 'order-500.json'), JSON.stringify(reportOf([await verdictOf('a'), await verdictOf('b')])));
      expect(await runEval({ bench: dir, reports: dir }, () => {})).toBe(1);
      await expect(runEval({ bench: dir, reports: dir, variants: 'nope' }, () => {})).rejects.toThrow('Unknown variant(s) nope for benchmark tiny');
      await expect(runEval({ bench: path.join(dir, 'missing') }, () => {})).rejects.toThrow('Cannot find benchmark');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('registers `reprise eval` and ships the shop benchmark with every shop variant', async () => {
    const command = buildProgram().commands.find((candidate) => candidate.name() === 'eval');
    expect(command?.options.map((option) => option.long)).toEqual(['--bench', '--variants', '--reports', '--json', '--server', '--project', '--token']);
    const { loadBenchmark, BENCH_EVAL_DIR } = await import('../../eval/index.js');
    const { SHOP_VARIANTS } = await import('../../../e2e/apps/shop/variants/index.js');
    const shop = await loadBenchmark(path.join(BENCH_EVAL_DIR, 'shop'));
    expect(shop.cases.map((entry) => entry.variant).sort()).toEqual(SHOP_VARIANTS.map((variant) => variant.name).sort());
    for (const variant of SHOP_VARIANTS) {
      expect(shop.cases.find((entry) => entry.variant === variant.name)).toMatchObject({ kind: variant.kind, ...(variant.expectedDivergence ? { expectedDivergence: variant.expectedDivergence } : {}) });
    }
  });
});
