import { describe, expect, it } from 'vitest';
import { apiUrl, errorFromResponse, ApiError } from '../../src/api.js';
import { ticketMarkdown } from '../../src/ticketMarkdown.js';
import { filterRuns, upsertRun } from '../../src/runsLogic.js';
import type { RunSummary } from '../../../protocol/api.js';

function run(id: string, createdAt: number, status: RunSummary['status'] = 'running'): RunSummary {
  return {
    id,
    projectId: 'p',
    status,
    trigger: 'api',
    baseline: { url: 'http://b' },
    candidate: { url: 'http://c' },
    createdAt,
    progress: { total: 2, done: 0 },
    counts: { replayed: 0, diverged: 0, errors: 0, tickets: 0 },
  };
}

describe('web | api', () => {
  it('builds URLs leaving out empty filters', () => {
    expect(apiUrl('/sessions', { project: 'p 1', q: '', hasErrors: false, hasFailedRequests: true, limit: 50, cursor: undefined })).toBe(
      '/api/sessions?project=p+1&hasFailedRequests=true&limit=50',
    );
    expect(apiUrl('/auth/me')).toBe('/api/auth/me');
  });

  it("uses the server's error message and code when it sends one", () => {
    const error = errorFromResponse(404, 'GET', '/runs/x', { error: { code: 'RUN_NOT_FOUND', message: 'Run x does not exist.' } }, '');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status: 404, code: 'RUN_NOT_FOUND', message: 'Run x does not exist.' });
  });

  it('still says what failed when the body is not the error envelope', () => {
    const error = errorFromResponse(502, 'GET', '/runs', undefined, '<html>Bad gateway</html>');
    expect(error.code).toBe('HTTP_502');
    expect(error.message).toBe('GET /runs failed with HTTP 502: <html>Bad gateway</html>.');
  });
});

describe('web | ticketMarkdown', () => {
  it('renders a pasteable ticket with steps, expected and observed', () => {
    const markdown = ticketMarkdown(
      {
        id: 't1',
        title: 'Add to cart fails',
        probability: 0.82,
        signature: 'action-failed:/product/:id',
        kind: 'action-failed',
        sessionIds: ['s1', 's2'],
        userIds: ['u1'],
        explanation: [],
        draft: { title: 'Cannot add to cart', stepsToReproduce: ['Open /product/1', "Click 'Add to cart'"], expected: 'Item added', observed: 'Nothing happens' },
      },
      { candidate: 'https://preview.example.com' },
    );
    expect(markdown).toContain('## Cannot add to cart');
    expect(markdown).toContain('82% likely to become a customer ticket (2 sessions, 1 user affected)');
    expect(markdown).toContain("1. Open /product/1\n2. Click 'Add to cart'");
    expect(markdown).toContain('### Expected\nItem added');
    expect(markdown).toContain('### Observed\nNothing happens');
    expect(markdown).toContain('Candidate: https://preview.example.com');
  });
});

describe('web | runsLogic', () => {
  it('replaces a run in place and puts new runs first', () => {
    const runs = [run('b', 2), run('a', 1)];
    const updated = upsertRun(runs, { ...run('a', 1), status: 'completed' });
    expect(updated.map((r) => [r.id, r.status])).toEqual([
      ['b', 'running'],
      ['a', 'completed'],
    ]);
    expect(upsertRun(runs, run('c', 3)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(filterRuns(updated, 'completed').map((r) => r.id)).toEqual(['a']);
    expect(filterRuns(updated, 'all')).toHaveLength(2);
  });
});
