// Sessions that go wrong in ways the app or the recording chose: each gets a clear result and the others go on.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../protocol/index.js';
import { launchChromium } from '../../browser.js';
import { replaySession } from '../../replaySession.js';
import { toTrajectory } from '../../toTrajectory.js';
import { startFixtureApp, type FixtureApp } from '../fixtures/fixtureApp.js';
import { T0, action, button, fullSnapshot, meta } from '../fixtures/repriseEvents.js';

const STAGING = 'https://staging.example.app';
const saveBlob = async () => 'unused';
const link = (name: string) => ({ candidates: [{ by: 'role' as const, role: 'link', name }], tag: 'a', role: 'link', name });

/** Opens pages one after another, as a customer going back and forth would. */
function visits(sessionId: string, paths: string[]) {
  return toTrajectory(sessionId, paths.map((path, i) => meta(T0 + i * 1_000, `${STAGING}${path}`)));
}

async function firstReplayPage(browser: Browser, url: RegExp): Promise<Page> {
  for (;;) {
    const page = browser.contexts().flatMap((context) => context.pages()).find((candidate) => url.test(candidate.url()));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('replayer | robustness', () => {
  let browser: Browser;
  let app: FixtureApp;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startFixtureApp();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('fails only the session whose page crashed, with a status that says so', async () => {
    const crashing = replaySession({ browser, trajectory: visits('crashing', ['/signup', '/extras', '/welcome', '/signup']), target: app.origin, saveBlob, screenshots: false });
    const page = await firstReplayPage(browser, /\/extras$/);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.crash').catch(() => undefined); // the session dies with the renderer
    const healthy = await replaySession({ browser, trajectory: visits('healthy', ['/signup', '/welcome']), target: app.origin, saveBlob, screenshots: false });
    const crashed = await crashing;

    expect(crashed.status).toBe('error');
    expect(crashed.error).toMatch(/^The page crashed \(renderer process gone\) at http:\/\/127\.0\.0\.1:\d+\/(extras|welcome)\. Replay stopped at step [12]; the session cannot be compared past this point\.$/);
    expect(healthy.status).toBe('completed');
    expect(healthy.steps.map((step) => step.url)).toEqual(['/signup', '/welcome']);
  });

  it('stops a session that passes its time budget with the step it reached', async () => {
    const trajectory = visits('slow', ['/signup', '/welcome']);
    const result = await replaySession({ browser, trajectory, target: app.origin, saveBlob, screenshots: false, sessionTimeoutMs: 1 });
    expect(result.status).toBe('error');
    // Opening the context alone takes longer than 1 ms, so the budget is gone before step 0.
    expect(result.error).toBe(`Replay of session slow passed its 1 ms budget at step 0 of ${trajectory.steps.length}; raise sessionTimeoutMs or shorten the session.`);
    expect(result.steps).toEqual([]);
  });

  it('replays a recording with no full snapshot, unknown event types and events out of order, saying what it read', async () => {
    const events: RecordedEvent[] = [
      meta(T0, `${STAGING}/extras`),
      action(T0 + 2_000, { type: 'click', target: link('Open help') }),
      { type: 99, timestamp: T0 + 1_500, data: {} } as unknown as RecordedEvent,
      action(T0 + 1_000, { type: 'click', target: button('Delete account') }),
    ];
    const trajectory = toTrajectory('odd', events);
    expect(trajectory.warnings).toEqual([
      'Events were not in timestamp order; they were sorted by timestamp before conversion.',
      'Ignored 1 event(s) of unknown type 99: not an rrweb 2.x event type this replayer reads.',
      'The session has no rrweb full snapshot (type 2): the page structure at record time is unknown.',
    ]);
    const result = await replaySession({ browser, trajectory, target: app.origin, saveBlob, screenshots: false });
    expect(result.status).toBe('completed');
    expect(result.steps.map((step) => `${step.action.type} ${step.outcome}`)).toEqual(['navigate performed', 'click performed', 'click performed']);
    expect(result.steps[1].dialogs).toEqual(['confirm: Really delete?']);
    expect(result.steps[2].url).toBe('/welcome');
  });

  it('says a target inside an iframe is not looked for, and goes on', async () => {
    const trajectory = toTrajectory('framed', [meta(T0, `${STAGING}/framed`), fullSnapshot(T0), action(T0 + 1_000, { type: 'click', target: button('Break things') })]);
    const result = await replaySession({ browser, trajectory, target: app.origin, saveBlob, screenshots: false, stepTimeoutMs: 2_000 });
    expect(result.status).toBe('completed');
    expect(result.steps[0].aria).toContain('iframe');
    expect(result.steps[1].outcome).toBe('target-missing');
    expect(result.steps[1].outcomeReason).toContain('No element matches the recorded button "Break things". The page has 1 frame(s); replay looks for targets in the top document only.');
  });

  it('notes a file download and stays on the page', async () => {
    const trajectory = toTrajectory('download', [meta(T0, `${STAGING}/downloads`), fullSnapshot(T0), action(T0 + 1_000, { type: 'click', target: link('Export CSV') })]);
    const result = await replaySession({ browser, trajectory, target: app.origin, saveBlob, screenshots: false });
    expect(result.status).toBe('completed');
    expect(result.steps[1]).toMatchObject({ outcome: 'performed', url: '/downloads', notes: ['A file download started: report.csv from /report.csv.'] });
  });
});
