// Human wording of recorded actions and their targets, used in summaries, ticket titles and repro steps.
import type { ActionTarget, StepAction } from '../../protocol/index.js';

/** "button 'Place order'", falling back to the best candidate when the target has no accessible name. */
export function elementLabel(target: ActionTarget | undefined): string | undefined {
  if (!target) return undefined;
  const kind = target.role ?? target.tag;
  const name = target.name?.trim() || candidateText(target);
  return name ? `${kind} '${name}'` : kind;
}

/** Just the name ("Place order"), for phrases like "clicking 'Place order'". */
export function targetName(target: ActionTarget | undefined): string | undefined {
  if (!target) return undefined;
  return target.name?.trim() || candidateText(target) || target.role || target.tag;
}

function candidateText(target: ActionTarget): string | undefined {
  for (const candidate of target.candidates) {
    if (candidate.by === 'role') return candidate.name || undefined;
    if (candidate.by !== 'css') return candidate.value;
  }
  return undefined;
}

/** Gerund phrase: "clicking 'Place order'", "filling 'Email'", "opening /checkout". */
export function describeAction(action: StepAction): string {
  switch (action.type) {
    case 'navigate':
      return `opening ${pathOnly(action.url)}`;
    case 'click':
      return `clicking '${targetName(action.target)}'`;
    case 'dblclick':
      return `double-clicking '${targetName(action.target)}'`;
    case 'contextmenu':
      return `right-clicking '${targetName(action.target)}'`;
    case 'hover':
      return `hovering '${targetName(action.target)}'`;
    case 'fill':
      return `filling '${targetName(action.target)}'`;
    case 'check':
      return `${action.checked ? 'checking' : 'unchecking'} '${targetName(action.target)}'`;
    case 'select':
      return `choosing '${action.values.join(', ')}' in '${targetName(action.target)}'`;
    case 'press':
      return action.target ? `pressing ${action.key} in '${targetName(action.target)}'` : `pressing ${action.key}`;
    case 'submit':
      return `submitting '${targetName(action.target)}'`;
    case 'scroll':
      return 'scrolling';
    case 'resize':
      return `resizing to ${action.width}x${action.height}`;
    case 'drag':
      return 'dragging';
    case 'file':
      return `attaching ${action.files.length} file(s) to '${targetName(action.target)}'`;
  }
}

const GERUND_TO_IMPERATIVE: Record<string, string> = {
  opening: 'Open', clicking: 'Click', 'double-clicking': 'Double-click', 'right-clicking': 'Right-click', hovering: 'Hover',
  filling: 'Fill', checking: 'Check', unchecking: 'Uncheck', choosing: 'Choose', pressing: 'Press', submitting: 'Submit',
  scrolling: 'Scroll', resizing: 'Resize', dragging: 'Drag', attaching: 'Attach',
};

/** Imperative repro step: "Click 'Place order'". */
export function imperativeAction(action: StepAction): string {
  const phrase = describeAction(action);
  const [verb] = phrase.split(' ', 1);
  return (GERUND_TO_IMPERATIVE[verb] ?? verb) + phrase.slice(verb.length);
}

/** True for actions a person performs on an element, as opposed to loading a page or scrolling. */
export function isUserInteraction(action: StepAction): boolean {
  return action.type !== 'navigate' && action.type !== 'scroll' && action.type !== 'resize';
}

function pathOnly(url: string): string {
  try {
    const parsed = new URL(url, 'http://placeholder.invalid');
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
