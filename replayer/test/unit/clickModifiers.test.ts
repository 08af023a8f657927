import { describe, expect, it } from 'vitest';
import { exportPlaywrightTest } from '../../exportPlaywright.js';
import { toTrajectory } from '../../toTrajectory.js';
import { T0, action, button, fullSnapshot, meta } from '../fixtures/repriseEvents.js';

describe('replayer | click modifiers', () => {
  const trajectory = toTrajectory('modifiers', [
    meta(T0, 'https://staging.example.app/list'),
    fullSnapshot(T0),
    action(T0 + 1_000, { type: 'click', target: button('Row 3'), modifiers: ['Shift'] }),
    action(T0 + 2_000, { type: 'click', target: button('Row 5') }),
  ]);

  it('keeps the keys held during a recorded click, and only when there were some', () => {
    expect(trajectory.steps.map((step) => step.action)).toEqual([
      { type: 'navigate', url: '/list' },
      { type: 'click', target: button('Row 3'), modifiers: ['Shift'] },
      { type: 'click', target: button('Row 5') },
    ]);
  });

  it('exports them as Playwright click options', () => {
    const spec = exportPlaywrightTest(trajectory);
    expect(spec).toContain("await page.getByRole('button', { name: 'Row 3', exact: true }).click({ modifiers: ['Shift'] });");
    expect(spec).toContain("await page.getByRole('button', { name: 'Row 5', exact: true }).click();");
  });
});
