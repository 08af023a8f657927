import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../protocol/index.js';
import { toTrajectory } from '../../toTrajectory.js';
import { T0, action, button, custom, form, fullSnapshot, meta, route, scroll, textbox, viewportResize } from '../fixtures/repriseEvents.js';

const ORIGIN = 'https://staging.example.app';

describe('replayer | toTrajectory', () => {
  it('turns recorder actions into steps with a navigate step 0, gaps and recorded urls', () => {
    const trajectory = toTrajectory('s1', [
      meta(T0, `${ORIGIN}/login?next=%2Fhome#top`, 1024, 700),
      fullSnapshot(T0 + 1),
      custom(T0 + 2, 'reprise.context', { url: `${ORIGIN}/login`, userAgent: 'x', viewport: { width: 1, height: 1 }, localStorage: { theme: 'dark' } }),
      action(T0 + 1_000, { type: 'input', target: textbox('Email'), value: 'ada@example.com' }),
      action(T0 + 2_000, { type: 'input', target: textbox('Password'), masked: { kind: 'password', length: 8 }, field: 'password' }),
      action(T0 + 2_500, { type: 'check', target: textbox('Remember me'), checked: true }),
      action(T0 + 3_000, { type: 'select', target: textbox('Plan'), values: ['pro'] }),
      action(T0 + 4_000, { type: 'key', key: 'k', modifiers: ['Meta', 'Control'] }),
      action(T0 + 5_000, { type: 'dblclick', target: button('Zoom') }),
      action(T0 + 6_000, { type: 'file', target: textbox('Avatar'), files: [{ name: 'me.png', type: 'image/png', size: 10 }] }),
    ]);
    expect(trajectory.startPath).toBe('/login?next=%2Fhome#top');
    expect(trajectory.viewport).toEqual({ width: 1024, height: 700 });
    expect(trajectory.startedAt).toBe(T0);
    expect(trajectory.storage).toEqual({ localStorage: { theme: 'dark' }, sessionStorage: undefined });
    expect(trajectory.steps.map((step) => step.action.type)).toEqual(['navigate', 'fill', 'fill', 'check', 'select', 'press', 'dblclick', 'file']);
    expect(trajectory.steps.map((step) => step.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(trajectory.steps[0]).toMatchObject({ action: { type: 'navigate', url: '/login?next=%2Fhome#top' }, gapMs: 0 });
    expect(trajectory.steps[2]).toMatchObject({ action: { masked: { kind: 'password', length: 8 }, field: 'password' }, gapMs: 1_000, recordedUrl: '/login?next=%2Fhome#top' });
    expect(trajectory.steps[5].action).toEqual({ type: 'press', target: undefined, key: 'Control+Meta+k' });
    expect(trajectory.warnings).toEqual([]);
  });

  it('keeps just the press for Enter followed by a submit, and drops a submit right after a submit-button click', () => {
    const trajectory = toTrajectory('s2', [
      meta(T0, `${ORIGIN}/search`),
      fullSnapshot(T0),
      action(T0 + 500, { type: 'input', target: textbox('Query'), value: 'shoes' }),
      action(T0 + 600, { type: 'key', target: textbox('Query'), key: 'Enter' }),
      action(T0 + 610, { type: 'submit', target: form('search') }),
      action(T0 + 5_000, { type: 'click', target: button('Save') }),
      action(T0 + 5_020, { type: 'submit', target: form('profile') }),
      action(T0 + 9_000, { type: 'submit', target: form('lonely') }),
    ]);
    expect(trajectory.steps.map((step) => step.action.type)).toEqual(['navigate', 'fill', 'press', 'click', 'submit']);
    expect(trajectory.steps[2].action).toMatchObject({ key: 'Enter' });
  });

  it('adds navigate steps only for loads and route changes no action explains, and tracks the recorded url', () => {
    const trajectory = toTrajectory('s3', [
      meta(T0, `${ORIGIN}/catalogue`),
      route(T0 + 5, 'load', `${ORIGIN}/catalogue`),
      fullSnapshot(T0 + 10),
      action(T0 + 1_000, { type: 'click', target: button('Shoes') }),
      route(T0 + 1_200, 'pushState', `${ORIGIN}/catalogue/shoes`),
      // the user typed a URL: a load nothing explains
      meta(T0 + 20_000, `${ORIGIN}/cart`),
      route(T0 + 20_010, 'load', `${ORIGIN}/cart`),
      fullSnapshot(T0 + 20_020),
      // back button
      route(T0 + 30_000, 'popstate', `${ORIGIN}/catalogue/shoes`),
      action(T0 + 31_000, { type: 'click', target: button('Checkout') }),
      meta(T0 + 32_000, `${ORIGIN}/checkout`),
      fullSnapshot(T0 + 32_010),
    ]);
    expect(trajectory.steps.map((step) => [step.action.type, step.recordedUrl])).toEqual([
      ['navigate', '/catalogue'],
      ['click', '/catalogue'],
      ['navigate', '/catalogue/shoes'],
      ['navigate', '/cart'],
      ['click', '/catalogue/shoes'],
    ]);
    expect(trajectory.steps[2].action).toEqual({ type: 'navigate', url: '/cart' });
    expect(trajectory.steps[3].action).toEqual({ type: 'navigate', url: '/catalogue/shoes' });
    expect(trajectory.steps[2].gapMs).toBe(19_000);
  });

  it('coalesces resizes, keeps scrolls only when the user lingered or ended there, and warns about what it could not read', () => {
    const events: RecordedEvent[] = [
      meta(T0, `${ORIGIN}/`),
      fullSnapshot(T0),
      viewportResize(T0 + 100, 900, 600),
      viewportResize(T0 + 200, 800, 600),
      scroll(T0 + 300, 0, 100),
      action(T0 + 500, { type: 'click', target: button('Quick') }),
      scroll(T0 + 1_000, 0, 300),
      scroll(T0 + 1_100, 0, 900),
      action(T0 + 4_000, { type: 'click', target: button('Slow') }),
      { type: 42, timestamp: T0 + 4_100, data: {} },
      scroll(T0 + 2_900, 0, 1_500), // out of order: sorted before the 'Slow' click
      scroll(T0 + 6_000, 0, 2_000, 55), // an inner element scrolled, not the window
      scroll(T0 + 7_000, 0, 2_400),
    ];
    const trajectory = toTrajectory('s4', events);
    expect(trajectory.steps.map((step) => step.action)).toEqual([
      { type: 'navigate', url: '/' },
      { type: 'resize', width: 800, height: 600 },
      expect.objectContaining({ type: 'click' }),
      { type: 'scroll', x: 0, y: 1_500 },
      expect.objectContaining({ type: 'click' }),
      { type: 'scroll', x: 0, y: 2_400 },
    ]);
    expect(trajectory.warnings).toEqual([
      'Events were not in timestamp order; they were sorted by timestamp before conversion.',
      'Ignored 1 event(s) of unknown type 42: not an rrweb 2.x event type this replayer reads.',
    ]);
  });

  it('warns when there is no full snapshot and no start page', () => {
    const trajectory = toTrajectory('s5', [action(T0, { type: 'click', target: button('Go') })]);
    expect(trajectory.startPath).toBe('/');
    expect(trajectory.warnings.join('\n')).toContain('no rrweb full snapshot');
    expect(trajectory.warnings.join('\n')).toContain('replay starts at "/"');
  });

  it('derives clicks, fills and checks from a plain rrweb recording by rebuilding the page in jsdom', () => {
    const events = JSON.parse(readFileSync(new URL('../fixtures/plainRrwebLogin.json', import.meta.url), 'utf8')) as RecordedEvent[];
    const trajectory = toTrajectory('plain', events);
    expect(trajectory.startPath).toBe('/login?next=%2Fhome');
    expect(trajectory.viewport).toEqual({ width: 1024, height: 700 });
    const actions = trajectory.steps.map((step) => step.action);
    expect(actions.map((a) => a.type)).toEqual(['navigate', 'fill', 'fill', 'check', 'click', 'dblclick']);
    expect(actions[1]).toMatchObject({ type: 'fill', value: 'ada@example.com', target: { tag: 'input', role: 'textbox', name: 'Email' } });
    expect(actions[1].type === 'fill' && actions[1].target.candidates).toContainEqual({ by: 'label', value: 'Email' });
    expect(actions[2]).toMatchObject({ type: 'fill', masked: { kind: 'password', length: 8 }, field: 'password' });
    expect(actions[3]).toMatchObject({ type: 'check', checked: true, target: { role: 'checkbox' } });
    // the click landed on a <span> inside the button: retargeted to the button
    expect(actions[4]).toMatchObject({ type: 'click', target: { tag: 'button', role: 'button', name: 'Sign in' } });
    expect(actions[4].type === 'click' && actions[4].target.candidates[0]).toEqual({ by: 'role', role: 'button', name: 'Sign in' });
    // added by a mutation after the snapshot
    expect(actions[5]).toMatchObject({ type: 'dblclick', target: { name: 'Continue to dashboard' } });
    expect(trajectory.warnings).toContain('No reprise.action events: actions were derived from rrweb clicks and inputs (no keys, submits or masked-field names).');
  });
});
