import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../protocol/index.js';
import { launchChromium } from '../../browser.js';
import { replaySession } from '../../replaySession.js';
import { toTrajectory } from '../../toTrajectory.js';
import { startFixtureApp, type FixtureApp } from '../fixtures/fixtureApp.js';
import { T0, action, button, custom, form, fullSnapshot, meta, textbox } from '../fixtures/repriseEvents.js';

const STAGING = 'https://staging.example.app';
const createButton = { candidates: [{ by: 'testid' as const, value: 'create' }, { by: 'role' as const, role: 'button', name: 'Create account' }], tag: 'button', role: 'button', name: 'Create account' };
const recording: RecordedEvent[] = [
  meta(T0, `${STAGING}/signup`, 1000, 700),
  fullSnapshot(T0 + 5),
  custom(T0 + 6, 'reprise.context', { url: `${STAGING}/signup`, userAgent: 'test', viewport: { width: 1000, height: 700 }, localStorage: { onboarding: 'seen' } }),
  action(T0 + 2_000, { type: 'input', target: textbox('Email'), value: 'ada@example.com' }),
  action(T0 + 4_000, { type: 'input', target: textbox('Password'), masked: { kind: 'password', length: 12 }, field: 'password' }),
  action(T0 + 5_000, { type: 'click', target: createButton }),
  action(T0 + 5_010, { type: 'submit', target: form('signup') }),
  meta(T0 + 5_600, `${STAGING}/welcome?user=42`, 1000, 700),
  action(T0 + 9_000, { type: 'click', target: button('Break things') }),
  meta(T0 + 30_000, `${STAGING}/signup?again=1`, 1000, 700),
];

describe('replayer | replaySession', () => {
  let browser: Browser;
  const apps: FixtureApp[] = [];
  const blobs = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const saveBlob = async (bytes: Uint8Array, contentType: string) => {
    const key = `blob-${blobs.size}`;
    blobs.set(key, { bytes, contentType });
    return key;
  };
  const app = async (options?: Parameters<typeof startFixtureApp>[0]) => {
    const started = await startFixtureApp(options);
    apps.push(started);
    return started;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(apps.map((started) => started.close().catch(() => undefined)));
  });

  const trajectory = toTrajectory('signup-session', recording);
  let baselineLucky = '';

  it('replays a form with a masked field, a submit and navigations, observing each step', async () => {
    expect(trajectory.steps.map((step) => step.action.type)).toEqual(['navigate', 'fill', 'fill', 'click', 'click', 'navigate']);
    const fixture = await app();
    const result = await replaySession({ browser, trajectory, target: fixture.origin, saveBlob });

    expect(result.error).toBeUndefined();
    expect(result.status).toBe('completed');
    expect(result.steps.map((step) => step.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.steps.map((step) => step.outcome)).toEqual(Array(6).fill('performed'));
    const [load, email, , create, breakIt, again] = result.steps;

    expect(load).toMatchObject({ url: '/signup', title: 'Sign up' });
    expect(load.text).toContain('Year 2025'); // clock installed at the recording's start
    expect(load.text).toContain('Onboarding seen'); // storage restored before the app ran
    expect(load.aria).toContain('heading "Create your account"');
    expect(load.requests).toContainEqual(expect.objectContaining({ method: 'GET', path: '/signup', status: 200, resourceType: 'document' }));
    baselineLucky = /Lucky (\S+) (\S+)/.exec(load.text)![0];
    const [, first, second] = /Lucky (\S+) (\S+)/.exec(load.text)!;
    expect(first).not.toBe(second);

    expect(email.matchedBy).toEqual({ by: 'label', value: 'Email' });
    expect(create.matchedBy).toEqual({ by: 'testid', value: 'create' });
    expect(create.url).toBe('/welcome?user=42');
    expect(create.requests).toContainEqual({ method: 'POST', path: '/api/signup', status: 201, resourceType: 'fetch', durationMs: expect.any(Number), responseShape: '{email:string,id:number}' });
    expect(create.requests).toContainEqual(expect.objectContaining({ method: 'GET', path: '/welcome?user=', status: 200, resourceType: 'document' }));
    expect(fixture.received).toContain('POST /api/signup');

    expect(breakIt.pageErrors).toEqual(['Widget exploded']);
    expect(again).toMatchObject({ url: '/signup?again=1', title: 'Sign up' });

    expect(load.screenshot).toBeDefined();
    expect(again.screenshot).toBeDefined();
    const shot = blobs.get(load.screenshot!)!;
    expect(shot.contentType).toBe('image/png');
    expect(Array.from(shot.bytes.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  });

  it('reports target-missing with a call log when the candidate lost the button, and keeps going', async () => {
    const fixture = await app({ withoutSubmitButton: true });
    const result = await replaySession({ browser, trajectory, target: fixture.origin, saveBlob, stepTimeoutMs: 2_000 });

    expect(result.status).toBe('completed');
    expect(result.steps.map((step) => step.outcome)).toEqual(['performed', 'performed', 'performed', 'target-missing', 'target-missing', 'performed']);
    const missing = result.steps[3];
    expect(missing.url).toBe('/signup');
    expect(missing.outcomeReason).toContain('No element matches the recorded button "Create account".');
    expect(missing.outcomeReason).toContain('Call log:\n  - testid "create": no element matches\n  - role button "Create account": no element matches\n  - coordinates: none recorded');
    expect(result.steps[5].url).toBe('/signup?again=1');
    expect(fixture.received).not.toContain('POST /api/signup');
    // same seed, same random values as the first replay
    expect(baselineLucky).toMatch(/^Lucky 0\.\d+ 0\.\d+$/);
    expect(result.steps[0].text).toContain(baselineLucky);
  });

  it('serves fetch/xhr from the recording in stubbed mode', async () => {
    const fixture = await app();
    const json = { 'content-type': 'application/json' };
    const result = await replaySession({
      browser,
      trajectory: { ...trajectory, steps: trajectory.steps.slice(0, 4) },
      target: fixture.origin,
      saveBlob,
      screenshots: false,
      mode: 'stubbed',
      recordedNetwork: [
        { initiator: 'fetch', method: 'POST', url: `${STAGING}/api/signup`, status: 201, startedAt: T0 + 5_001, durationMs: 30, responseHeaders: json, responseBody: '{"id":7,"email":"kim@example.com"}' },
        { initiator: 'fetch', method: 'GET', url: `${STAGING}/api/me?fresh=1`, status: 200, startedAt: T0 + 5_700, durationMs: 30, responseHeaders: json, responseBody: '{"user":{"id":7,"email":"kim@example.com"}}' },
      ],
    });
    expect(result.mode).toBe('stubbed');
    const create = result.steps[3];
    expect(create.url).toBe('/welcome?user=7');
    expect(create.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/signup', status: 201, responseShape: '{email:string,id:number}' }));
    expect(create.text).toContain('Signed in as kim@example.com');
    expect(create.screenshot).toBeUndefined();
    expect(fixture.received).not.toContain('POST /api/signup');
    expect(fixture.received).toContain('GET /welcome');
  });

  it('dismisses dialogs, fails fast on a disabled button, and follows a new tab', async () => {
    const fixture = await app();
    const link = { candidates: [{ by: 'role' as const, role: 'link', name: 'Open help' }], tag: 'a', role: 'link', name: 'Open help' };
    const extras = toTrajectory('extras-session', [
      meta(T0, `${STAGING}/extras`),
      fullSnapshot(T0),
      action(T0 + 1_000, { type: 'click', target: button('Delete account') }),
      action(T0 + 2_000, { type: 'click', target: button('Pay now') }),
      action(T0 + 3_000, { type: 'click', target: link }),
    ]);
    const result = await replaySession({ browser, trajectory: extras, target: fixture.origin, saveBlob, screenshots: false });

    expect(result.steps.map((step) => step.outcome)).toEqual(['performed', 'performed', 'not-actionable', 'performed']);
    expect(result.steps[1].dialogs).toEqual(['confirm: Really delete?']);
    expect(result.steps[1].text).toContain('Kept');
    expect(result.steps[2].outcomeReason).toContain('Found the button "Pay now" but it did not become actionable');
    expect(result.steps[3].url).toBe('/welcome');
    expect(result.steps[3].notes).toEqual([expect.stringContaining('A new tab opened')]);
  });

  it('stores screenshots while replay goes on, and fails the session when the blob store cannot keep one', async () => {
    const fixture = await app();
    // The first write is held until replay asks for the second: a replay that waited on each write would only
    // get past it through the 5 s escape below.
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let escaped = false;
    const escape = setTimeout(() => {
      escaped = true;
      releaseFirst();
    }, 5_000);
    let releasedBySecondWrite = false;
    let writes = 0;
    const heldStore = async (bytes: Uint8Array) => {
      const index = writes++;
      if (index === 0) await firstHeld;
      if (index === 1) {
        releasedBySecondWrite = !escaped;
        releaseFirst();
      }
      return `held-${index}-${bytes.byteLength}`;
    };
    const held = await replaySession({ browser, trajectory, target: fixture.origin, saveBlob: heldStore });
    clearTimeout(escape);
    expect(held.status).toBe('completed');
    expect(releasedBySecondWrite).toBe(true);
    const photographed = held.steps.filter((step) => step.screenshot);
    // Every write finished before the result came back, and each step kept its own blob's key.
    expect(photographed.length).toBe(writes);
    expect(photographed[0].screenshot).toMatch(/^held-0-/);
    expect(new Set(photographed.map((step) => step.screenshot)).size).toBe(photographed.length);

    const failing = await replaySession({ browser, trajectory, target: fixture.origin, saveBlob: async () => Promise.reject(new Error('disk full')) });
    expect(failing.status).toBe('error');
    expect(failing.error).toContain('a screenshot could not be stored: disk full');
    expect(failing.steps.length).toBe(trajectory.steps.length);
  });

  it('ends with status error when the first page answers 503', async () => {
    const fixture = await app({ pageStatus: 503 });
    const result = await replaySession({ browser, trajectory, target: fixture.origin, saveBlob, targetLabel: 'Candidate' });

    expect(result.status).toBe('error');
    expect(result.error).toContain(`Candidate ${fixture.origin}/signup answered 503 on the first page /signup.`);
    expect(result.steps).toEqual([]);

    const gone = await app();
    await gone.close();
    const refused = await replaySession({ browser, trajectory, target: gone.origin, saveBlob });
    expect(refused.status).toBe('error');
    expect(refused.error).toContain(`Target ${gone.origin}/signup could not be loaded as the first page /signup: `);
    expect(refused.error).toContain('ERR_CONNECTION_REFUSED');
  });
});
