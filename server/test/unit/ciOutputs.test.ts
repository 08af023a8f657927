import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../protocol/index.js';
import { formatJunit } from '../../cli/formatJunit.js';
import { formatMarkdown, REPRISE_COMMENT_MARKER } from '../../cli/formatMarkdown.js';
import { createProgressReporter } from '../../cli/progressReporter.js';

const report: RunReport = {
  run: { id: 'run_1', baseline: 'https://prod.example', candidate: 'https://pr-7.example', durationMs: 4200, status: 'completed', createdAt: 1, dashboardUrl: 'http://reprise.local/#/runs/run_1' },
  sessions: [
    { id: 's-broken', status: 'diverged', ticketProbability: 0.91, explanation: [], divergences: [
      { kind: 'action-failed', step: 3, summary: 'Could not click "Place order" <gone>', severity: 1 },
      { kind: 'visual-changed', step: 3, summary: 'noise', severity: 0.1, noise: true },
    ] },
    { id: 's-fine', status: 'pass', ticketProbability: 0.02, explanation: [], divergences: [] },
    { id: 's-error', status: 'error', error: 'browser crashed', ticketProbability: 0, explanation: [], divergences: [] },
  ],
  tickets: [
    { id: 't1', title: 'Checkout: "Place order" | missing', probability: 0.91, signature: 'x', kind: 'action-failed', sessionIds: ['s-broken'], userIds: [], explanation: [],
      draft: { title: 't', stepsToReproduce: [], expected: '', observed: '' } },
    { id: 't2', title: 'Below threshold', probability: 0.2, signature: 'y', kind: 'text-changed', sessionIds: ['s-fine'], userIds: [], explanation: [],
      draft: { title: 't', stepsToReproduce: [], expected: '', observed: '' } },
  ],
};

describe('server/cli | formatJunit', () => {
  it('has one test case per session, a failure per predicted ticket and an error per failed replay', () => {
    const xml = formatJunit(report, 0.5);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('failures="1" errors="1"');
    expect(xml).toContain('<failure message="Checkout: &quot;Place order&quot; | missing (91%)" type="predicted-ticket">step 3 action-failed: Could not click &quot;Place order&quot; &lt;gone&gt;</failure>');
    expect(xml).not.toContain('noise');
    expect(xml).toContain('<error message="browser crashed"');
    expect(xml).toContain('name="session s-fine" time="0"></testcase>');
  });
});

describe('server/cli | formatMarkdown', () => {
  it('starts with the marker, lists predicted tickets first with links, and folds divergent sessions', () => {
    const markdown = formatMarkdown(report, 0.5);
    expect(markdown.startsWith(`${REPRISE_COMMENT_MARKER}\n## Reprise: 1 predicted ticket(s)`)).toBe(true);
    expect(markdown).toContain('| **91%** | Checkout: "Place order" \\| missing | 1: [`s-broken`](http://reprise.local/#/runs/run_1/sessions/s-broken) |');
    expect(markdown).not.toContain('Below threshold');
    expect(markdown.indexOf('| **91%**')).toBeLessThan(markdown.indexOf('<details>'));
    expect(markdown).toContain('<details><summary>1 divergent session(s)</summary>');
    expect(markdown).toContain('[Open the run](http://reprise.local/#/runs/run_1)');
  });

  it('says so when nothing is predicted', () => {
    expect(formatMarkdown({ ...report, tickets: [] }, 0.5)).toContain('## Reprise: no predicted ticket');
  });
});

describe('server/cli | progressReporter', () => {
  const capture = (isTTY: boolean) => {
    const written: string[] = [];
    const reporter = createProgressReporter({ isTTY, write: (text) => written.push(text) });
    reporter.update(0, 4);
    reporter.update(0, 4);
    reporter.update(2, 4);
    reporter.finish();
    return written;
  };
  it('redraws a bar on a terminal', () => {
    expect(capture(true)).toEqual([`\r  [${'-'.repeat(30)}] 0/4 sessions 0%`, `\r  [${'#'.repeat(15)}${'-'.repeat(15)}] 2/4 sessions 50%`, '\n']);
  });
  it('prints one plain line per change elsewhere', () => {
    expect(capture(false)).toEqual(['  0/4 sessions done\n', '  2/4 sessions done\n']);
  });
});
