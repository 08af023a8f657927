import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from '../../src/router.js';

describe('web | router', () => {
  it('parses every page from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'runs' });
    expect(parseRoute('#/')).toEqual({ name: 'runs' });
    expect(parseRoute('#/runs')).toEqual({ name: 'runs' });
    expect(parseRoute('#/runs/r1')).toEqual({ name: 'run', runId: 'r1' });
    expect(parseRoute('#/runs/r1/sessions/s%2F2')).toEqual({ name: 'sessionInRun', runId: 'r1', sessionId: 's/2' });
    expect(parseRoute('#/sessions?x=1')).toEqual({ name: 'sessions' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/model')).toEqual({ name: 'model' });
  });

  it('reports unknown paths instead of guessing', () => {
    expect(parseRoute('#/runs/r1/extra')).toEqual({ name: 'notFound', path: '/runs/r1/extra' });
    expect(parseRoute('#/settings/extra')).toEqual({ name: 'notFound', path: '/settings/extra' });
  });

  it('round-trips routes through hrefFor', () => {
    const routes: Route[] = [
      { name: 'runs' },
      { name: 'run', runId: 'run 1' },
      { name: 'sessionInRun', runId: 'r', sessionId: 'a/b?c' },
      { name: 'sessions' },
      { name: 'settings' },
      { name: 'model' },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
