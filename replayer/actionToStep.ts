import type { RecordedAction, StepAction } from '../protocol/index.js';
import { keyNotation } from './keyNotation.js';

/** One recorded user action as a replayable step action. */
export function actionToStep(action: RecordedAction): StepAction {
  switch (action.type) {
    case 'click':
    case 'dblclick':
    case 'contextmenu':
      return action.modifiers?.length ? { type: action.type, target: action.target, modifiers: action.modifiers } : { type: action.type, target: action.target };
    case 'input':
      return { type: 'fill', target: action.target, value: action.value, masked: action.masked, field: action.field };
    case 'check':
      return { type: 'check', target: action.target, checked: action.checked };
    case 'select':
      return { type: 'select', target: action.target, values: action.values };
    case 'key':
      return { type: 'press', target: action.target, key: keyNotation(action.key, action.modifiers) };
    case 'submit':
      return { type: 'submit', target: action.target };
    case 'file':
      return { type: 'file', target: action.target, files: action.files };
  }
}
