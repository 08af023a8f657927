import type { ActionTarget, StepAction, TrajectoryStep } from '../protocol/index.js';

const TEXT_ROLES = new Set(['textbox', 'searchbox', 'spinbutton', 'combobox']);
const SELECT_ALL = /^(Control|Meta)\+a$/i;

/**
 * Steps that only prepare the next one on the same field: the click that focuses a text field and the select-all
 * before typing. Observing the page after them (a quiet window, an accessibility snapshot, the text, a screenshot)
 * is most of a replay's cost and shows nothing the next step's observation does not, so they are performed and
 * checked for errors and requests, but the page state is carried over. The choice depends on the trajectory alone,
 * so baseline and candidate replays stay aligned step by step.
 */
export function isLightStep(step: TrajectoryStep, next: TrajectoryStep | undefined): boolean {
  if (!next || !sameTarget(targetOf(step.action), targetOf(next.action))) return false;
  if (step.action.type === 'click') return TEXT_ROLES.has(step.action.target.role ?? '') && next.action.type !== 'click';
  if (step.action.type === 'press') return SELECT_ALL.test(step.action.key);
  return false;
}

function targetOf(action: StepAction): ActionTarget | undefined {
  return 'target' in action ? action.target : undefined;
}

function sameTarget(a: ActionTarget | undefined, b: ActionTarget | undefined): boolean {
  if (!a || !b) return false;
  return JSON.stringify(a.candidates[0]) === JSON.stringify(b.candidates[0]);
}

const FIELD_EDITS = new Set(['fill', 'select', 'check']);

/**
 * A field edit whose next observed step edits another field on the same page: its screenshot would differ from the
 * next one only by this field's value, which the accessibility snapshot already records, so only the last edit of a
 * run of edits (typically a form) is photographed. A checkout form of eight fields takes one screenshot instead of
 * eight. Like isLightStep, this reads the trajectory alone, so both sides of a comparison skip the same steps.
 */
export function isScreenshotDeferred(steps: readonly TrajectoryStep[], index: number): boolean {
  const step = steps[index];
  if (!step || !FIELD_EDITS.has(step.action.type)) return false;
  let next = index + 1;
  while (next < steps.length && isLightStep(steps[next], steps[next + 1])) next++;
  const following = steps[next];
  return following !== undefined && FIELD_EDITS.has(following.action.type) && following.recordedUrl === step.recordedUrl;
}

/**
 * A text fill followed by another field edit on the same page is not observed at all (no quiet window, no reading):
 * typing changes the field's value, which the observation after the run's last edit records with every other
 * field, and anything the fill triggered (a validation message, a request) still shows there or in the step's own
 * request and error lists. Checks and selects keep their observation: they are what reveals or hides parts of a
 * form, and the next step may need what they revealed to be settled.
 */
export function isObservationDeferred(steps: readonly TrajectoryStep[], index: number): boolean {
  return steps[index]?.action.type === 'fill' && isScreenshotDeferred(steps, index);
}
