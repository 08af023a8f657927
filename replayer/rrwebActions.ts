import { EventType, IncrementalSource, MouseInteraction, type MaskedShape, type RecordedAction, type RecordedEvent } from '../protocol/index.js';
import { DomMirror } from './domMirror.js';
import { targetFromElement } from './targetFromElement.js';
import type { TimelineItem } from './timeline.js';

/** The browser fires two clicks before a dblclick; those belong to the dblclick. */
const DBLCLICK_ABSORBS_CLICKS_WITHIN_MS = 600;
const POINTER_TYPES: Record<number, 'click' | 'dblclick' | 'contextmenu'> = {
  [MouseInteraction.Click]: 'click',
  [MouseInteraction.DblClick]: 'dblclick',
  [MouseInteraction.ContextMenu]: 'contextmenu',
};
const MASKED_KINDS: Record<string, MaskedShape['kind']> = { email: 'email', number: 'number', date: 'date', tel: 'tel', url: 'url', password: 'password' };

interface PendingInput {
  id: number;
  at: number;
  text?: string;
  isChecked?: boolean;
  element: Element;
}

/**
 * Actions for recordings made without Reprise's recorder (plain rrweb): clicks from MouseInteraction events and
 * fills from Input events, with targets derived from the page rebuilt in jsdom at the moment of each event.
 */
export function rrwebActions(events: readonly RecordedEvent[], warnings: string[]): Extract<TimelineItem, { kind: 'action' }>[] {
  const mirror = new DomMirror();
  const actions: Extract<TimelineItem, { kind: 'action' }>[] = [];
  const onlyUserTriggered = events.some((event) => isInput(event) && 'userTriggered' in event.data);
  let pending: PendingInput | undefined;
  let unresolved = 0;

  const flush = () => {
    if (!pending) return;
    const action = inputAction(pending);
    const previous = actions[actions.length - 1];
    // Clicking a checkbox also emits its Input; replaying both would toggle it twice.
    const clickCausedIt = action.type === 'check' && previous?.action.type === 'click' && previous.action.target.nodeId === pending.id;
    if (clickCausedIt) actions.pop();
    actions.push({ at: pending.at, kind: 'action', action });
    pending = undefined;
  };

  for (const event of events) {
    if (event.type === EventType.Meta) flush();
    if (event.type === EventType.FullSnapshot) {
      try {
        mirror.loadFullSnapshot(event.data.node);
      } catch (error) {
        warnings.push(`Could not rebuild the full snapshot at ${event.timestamp} in jsdom (${(error as Error).message}); actions on that page have no targets.`);
      }
      continue;
    }
    if (event.type !== EventType.IncrementalSnapshot) continue;
    const data = event.data;
    if (data.source === IncrementalSource.Mutation) {
      mirror.applyMutation(data);
    } else if (data.source === IncrementalSource.MouseInteraction && POINTER_TYPES[data.type]) {
      const element = mirror.getElement(data.id);
      if (!element) {
        unresolved++;
        continue;
      }
      flush();
      const type = POINTER_TYPES[data.type];
      if (type === 'dblclick') absorbClicks(actions, data.id, event.timestamp);
      const target = { ...targetFromElement(element), nodeId: data.id, point: { x: data.x, y: data.y } };
      actions.push({ at: event.timestamp, kind: 'action', action: { type, target } });
    } else if (isInput(event) && (!onlyUserTriggered || data.userTriggered === true)) {
      mirror.applyInput(data.id, data.text, data.isChecked);
      const element = mirror.getElement(data.id);
      if (!element) {
        unresolved++;
        continue;
      }
      if (pending && pending.id !== data.id) flush();
      pending = { id: data.id, at: event.timestamp, text: data.text, isChecked: data.isChecked, element };
    }
  }
  flush();
  if (!mirror.hasSnapshot) warnings.push('The recording has no full snapshot: clicks and inputs could not be tied to elements, so no actions were derived.');
  if (unresolved) warnings.push(`${unresolved} click/input event(s) referenced node ids missing from the rebuilt page and were dropped.`);
  return actions.sort((a, b) => a.at - b.at);
}

function isInput(event: RecordedEvent): boolean {
  return event.type === EventType.IncrementalSnapshot && event.data?.source === IncrementalSource.Input;
}

function absorbClicks(actions: Extract<TimelineItem, { kind: 'action' }>[], nodeId: number, at: number): void {
  for (let i = actions.length - 1; i >= 0; i--) {
    const { action, at: clickAt } = actions[i];
    if (at - clickAt > DBLCLICK_ABSORBS_CLICKS_WITHIN_MS) break;
    if (action.type === 'click' && action.target.nodeId === nodeId) actions.splice(i, 1);
  }
}

function inputAction(pending: PendingInput): RecordedAction {
  const target = { ...targetFromElement(pending.element), nodeId: pending.id };
  const tag = pending.element.tagName.toLowerCase();
  const type = (pending.element.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'input' && (type === 'checkbox' || type === 'radio')) return { type: 'check', target, checked: pending.isChecked ?? true };
  if (tag === 'select') return { type: 'select', target, values: pending.text === undefined ? [] : [pending.text] };
  const text = pending.text ?? '';
  if (text.length > 0 && /^\*+$/.test(text)) {
    const autocomplete = pending.element.getAttribute('autocomplete') ?? '';
    const kind = autocomplete.startsWith('cc-number') ? 'card' : (MASKED_KINDS[type] ?? 'text');
    return { type: 'input', target, masked: { kind, length: text.length }, field: pending.element.getAttribute('name') ?? undefined };
  }
  return { type: 'input', target, value: text };
}
