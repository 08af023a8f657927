import { describe, expect, it } from 'vitest';
import type { ActionTarget, StepAction, TrajectoryStep } from '../../../protocol/index.js';
import { isLightStep, isObservationDeferred, isScreenshotDeferred } from '../../lightSteps.js';

const field = (name: string): ActionTarget => ({ candidates: [{ by: 'role', role: 'textbox', name }], tag: 'input', role: 'textbox', name });
const button: ActionTarget = { candidates: [{ by: 'role', role: 'button', name: 'Place order' }], tag: 'button', role: 'button', name: 'Place order' };
const step = (index: number, action: StepAction): TrajectoryStep => ({ index, action, gapMs: 100, recordedUrl: '/checkout' });

describe('replayer | lightSteps', () => {
  it('treats the focus click and the select-all before typing into the same field as light', () => {
    const click = step(1, { type: 'click', target: field('City') });
    const selectAll = step(2, { type: 'press', target: field('City'), key: 'Control+a' });
    const fill = step(3, { type: 'fill', target: field('City'), value: 'London' });
    expect(isLightStep(click, selectAll)).toBe(true);
    expect(isLightStep(selectAll, fill)).toBe(true);
  });

  it('observes fills, button clicks, and clicks followed by an action on another element', () => {
    const fill = step(3, { type: 'fill', target: field('City'), value: 'London' });
    const submit = step(4, { type: 'click', target: button });
    expect(isLightStep(fill, submit)).toBe(false);
    expect(isLightStep(submit, undefined)).toBe(false);
    expect(isLightStep(step(1, { type: 'click', target: field('City') }), step(2, { type: 'fill', target: field('Postcode'), value: 'x' }))).toBe(false);
    expect(isLightStep(step(1, { type: 'press', target: field('City'), key: 'Enter' }), fill)).toBe(false);
  });

  it('photographs only the last edit of a run of field edits on the same page', () => {
    const steps = [
      step(0, { type: 'click', target: field('City') }),
      step(1, { type: 'press', target: field('City'), key: 'Control+a' }),
      step(2, { type: 'fill', target: field('City'), value: 'London' }),
      step(3, { type: 'click', target: field('Postcode') }),
      step(4, { type: 'fill', target: field('Postcode'), value: 'SW1A 1AA' }),
      step(5, { type: 'click', target: button }),
    ];
    // City is followed (after the light focus click on Postcode) by the Postcode fill: deferred.
    expect(isScreenshotDeferred(steps, 2)).toBe(true);
    // Postcode is followed by a button click: photographed.
    expect(isScreenshotDeferred(steps, 4)).toBe(false);
    expect(isScreenshotDeferred(steps, 5)).toBe(false);
  });

  it('photographs a field edit followed by an edit on another page, or ending the session', () => {
    const steps = [
      step(0, { type: 'fill', target: field('City'), value: 'London' }),
      { ...step(1, { type: 'fill', target: field('Postcode'), value: 'x' }), recordedUrl: '/account' },
    ];
    expect(isScreenshotDeferred(steps, 0)).toBe(false);
    expect(isScreenshotDeferred(steps, 1)).toBe(false);
  });

  it('defers the whole observation of a text fill followed by another edit, but never of a check or a select', () => {
    const steps = [
      step(0, { type: 'fill', target: field('City'), value: 'London' }),
      step(1, { type: 'click', target: field('Postcode') }),
      step(2, { type: 'fill', target: field('Postcode'), value: 'SW1A 1AA' }),
      step(3, { type: 'check', target: field('Gift'), checked: true }),
      step(4, { type: 'fill', target: field('Message'), value: 'Enjoy' }),
      step(5, { type: 'click', target: button }),
    ];
    expect(isObservationDeferred(steps, 0)).toBe(true);
    expect(isObservationDeferred(steps, 2)).toBe(true);
    // A check may reveal the next field: it is observed (its screenshot is still deferred).
    expect(isObservationDeferred(steps, 3)).toBe(false);
    expect(isScreenshotDeferred(steps, 3)).toBe(true);
    // The last edit before the button is observed and photographed.
    expect(isObservationDeferred(steps, 4)).toBe(false);
  });
});
