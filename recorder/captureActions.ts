// Records what the user did ('reprise.action'): rrweb has no keys, submits, or unmasked intent for inputs.
import type { KeyModifier, RecordedAction } from '../protocol/customEvents.js';
import { describeTarget, retarget, type RecordMirror } from './describeTarget.js';
import { guard } from './guard.js';
import { maskedShape, shouldMaskInput } from './maskPolicy.js';

export interface ActionSink {
  emitAction(action: RecordedAction): void;
  mirror: RecordMirror;
  maskAllInputs: boolean;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const NAMED_KEYS = /^(Enter|Escape|Tab|ArrowUp|ArrowDown|ArrowLeft|ArrowRight)$/;
const NOT_TEXT_INPUTS = /^(checkbox|radio|file|submit|button|reset|image|hidden)$/;
/** A click the browser synthesizes (label forwarding, Enter's implicit submission) arrives within this window. */
const SYNTHETIC_CLICK_WINDOW_MS = 100;

function modifiersOf(event: KeyboardEvent | MouseEvent): KeyModifier[] {
  const modifiers: KeyModifier[] = [];
  if (event.altKey) modifiers.push('Alt');
  if (event.ctrlKey) modifiers.push('Control');
  if (event.metaKey) modifiers.push('Meta');
  if (event.shiftKey) modifiers.push('Shift');
  return modifiers;
}

function isTextField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'textarea' || (el.localName === 'input' && !NOT_TEXT_INPUTS.test((el as HTMLInputElement).type));
}

function elementTarget(event: Event): Element | null {
  const path = event.composedPath ? event.composedPath() : [];
  const first = (path[0] || event.target) as Node | null;
  return first && first.nodeType === 1 ? (first as Element) : first?.parentElement || null;
}

export function captureActions(sink: ActionSink): () => void {
  const emittedValues = new WeakMap<Element, string>();
  const dirtyFields = new Set<HTMLInputElement | HTMLTextAreaElement>();
  let lastKey = { key: '', at: 0 };
  let lastLabelClick: { control: Element | null; at: number } = { control: null, at: 0 };
  let stopped = false;

  const describe = (el: Element, point?: { x: number; y: number }) => describeTarget(el, sink.mirror, point);

  function emitInput(field: HTMLInputElement | HTMLTextAreaElement): void {
    dirtyFields.delete(field);
    if (!dirtyFields.size) listenForFirstInput();
    if (emittedValues.get(field) === field.value) return;
    emittedValues.set(field, field.value);
    const action: RecordedAction = { type: 'input', target: describe(field) };
    if (shouldMaskInput(field, sink.maskAllInputs)) action.masked = maskedShape(field);
    else action.value = field.value;
    const fieldName = field.getAttribute('name') || field.id;
    if (fieldName) action.field = fieldName;
    sink.emitAction(action);
  }

  function flushDirty(within?: Element): void {
    for (const field of Array.from(dirtyFields)) if (!within || within.contains(field)) emitInput(field);
  }

  const onPointer = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const raw = elementTarget(event);
    if (!raw) return;
    const el = retarget(raw);
    const now = Date.now();
    if (event.type === 'click') {
      // Replaying the label click reproduces these browser-made clicks, so recording them would act twice.
      const forwardedByLabel = el === lastLabelClick.control && now - lastLabelClick.at < SYNTHETIC_CLICK_WINDOW_MS;
      const implicitSubmit = event.detail === 0 && lastKey.key === 'Enter' && now - lastKey.at < SYNTHETIC_CLICK_WINDOW_MS;
      if (forwardedByLabel || implicitSubmit) return;
      if (el.localName === 'label') lastLabelClick = { control: (el as HTMLLabelElement).control, at: now };
    }
    flushDirty();
    const modifiers = modifiersOf(event);
    sink.emitAction({
      type: event.type as 'click' | 'dblclick' | 'contextmenu',
      target: describe(el, { x: Math.round(event.clientX), y: Math.round(event.clientY) }),
      ...(modifiers.length ? { modifiers } : {}),
    });
  };

  // Typing fires one 'input' per keystroke, but only the first after each emitted value says something new: the
  // listener leaves once a field is dirty and comes back when no field is (issue #8: ~2 ms of a 10-field form).
  // A second field changed meanwhile without a blur (autofill) is still recorded: its 'change' emits it.
  let inputListener: ((event: Event) => void) | undefined;
  const onInput = (event: Event) => {
    const el = elementTarget(event);
    if (!el || !isTextField(el)) return;
    dirtyFields.add(el);
    stopListeningForInput();
  };
  function listenForFirstInput(): void {
    if (inputListener || stopped) return;
    inputListener = guard('record input', onInput);
    document.addEventListener('input', inputListener, true);
  }
  function stopListeningForInput(): void {
    if (inputListener) document.removeEventListener('input', inputListener, true);
    inputListener = undefined;
  }

  const onChange = (event: Event) => {
    if (!event.isTrusted) return;
    const el = elementTarget(event) as Field | null;
    if (!el) return;
    if (isTextField(el)) return emitInput(el);
    if (el.localName === 'select') {
      const select = el as HTMLSelectElement;
      const values = shouldMaskInput(select, sink.maskAllInputs) ? [] : Array.from(select.selectedOptions, (o) => o.value);
      return sink.emitAction({ type: 'select', target: describe(select), values });
    }
    const input = el as Element as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') {
      sink.emitAction({ type: 'check', target: describe(input), checked: input.checked });
    } else if (input.type === 'file') {
      const files = Array.from(input.files || [], (file) => ({ name: file.name, type: file.type, size: file.size }));
      sink.emitAction({ type: 'file', target: describe(input), files });
    }
  };

  const onBlur = (event: Event) => {
    const el = elementTarget(event);
    if (el && dirtyFields.has(el as HTMLInputElement)) emitInput(el as HTMLInputElement);
  };

  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    const { key } = event;
    const altGraph = event.getModifierState && event.getModifierState('AltGraph');
    // A single character with Alt (macOS Option) or AltGr is typing, not a shortcut: it would leak text.
    const shortcut = key.length === 1 && (event.ctrlKey || event.metaKey) && !(event.ctrlKey && event.altKey) && !altGraph;
    const named = NAMED_KEYS.test(key);
    if (!named && !shortcut) return;
    lastKey = { key, at: Date.now() };
    const el = elementTarget(event);
    if (el && dirtyFields.has(el as HTMLInputElement)) emitInput(el as HTMLInputElement);
    const modifiers = modifiersOf(event);
    const action: RecordedAction = { type: 'key', key };
    if (modifiers.length) action.modifiers = modifiers;
    if (el && el.localName !== 'body' && el.localName !== 'html') action.target = describe(el);
    sink.emitAction(action);
  };

  const onSubmit = (event: Event) => {
    const form = elementTarget(event);
    if (!form) return;
    flushDirty(form);
    sink.emitAction({ type: 'submit', target: describe(form) });
  };

  const listeners: [string, (event: never) => void][] = [
    ['click', onPointer], ['dblclick', onPointer], ['contextmenu', onPointer],
    ['change', onChange], ['focusout', onBlur], ['keydown', onKey], ['submit', onSubmit],
  ];
  const guarded = listeners.map(([type, fn]) => [type, guard(`record ${type}`, fn as (event: Event) => void)] as const);
  for (const [type, fn] of guarded) document.addEventListener(type, fn, true);
  listenForFirstInput();
  return () => {
    stopped = true;
    stopListeningForInput();
    for (const [type, fn] of guarded) document.removeEventListener(type, fn, true);
  };
}
