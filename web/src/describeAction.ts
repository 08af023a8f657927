// Human descriptions of replay steps: "click button 'Add to cart'", "fill textbox 'Email' (masked email)".
import type { StepAction } from '../../protocol/trajectory.js';
import type { ActionTarget } from '../../protocol/target.js';

export function describeTarget(target: ActionTarget): string {
  const kind = target.role ?? target.tag;
  if (target.name) return `${kind} '${truncate(target.name, 60)}'`;
  const best = target.candidates[0];
  if (!best) return kind;
  switch (best.by) {
    case 'role':
      return `${best.role} '${truncate(best.name, 60)}'`;
    case 'css':
      return `${kind} ${truncate(best.value, 60)}`;
    default:
      return `${kind} with ${best.by} '${truncate(best.value, 60)}'`;
  }
}

export function describeAction(action: StepAction): string {
  switch (action.type) {
    case 'navigate':
      return `open ${action.url}`;
    case 'click':
    case 'dblclick':
    case 'contextmenu':
    case 'hover':
      return `${action.type === 'contextmenu' ? 'right-click' : action.type} ${describeTarget(action.target)}`;
    case 'fill': {
      const what = action.masked ? `(masked ${action.masked.kind})` : action.value !== undefined ? `'${truncate(action.value, 40)}'` : '';
      return `fill ${describeTarget(action.target)}${what ? ` with ${what}` : ''}`;
    }
    case 'check':
      return `${action.checked ? 'check' : 'uncheck'} ${describeTarget(action.target)}`;
    case 'select':
      return `select ${action.values.map((value) => `'${value}'`).join(', ')} in ${describeTarget(action.target)}`;
    case 'press':
      return `press ${action.key}${action.target ? ` in ${describeTarget(action.target)}` : ''}`;
    case 'submit':
      return `submit ${describeTarget(action.target)}`;
    case 'scroll':
      return `scroll to ${Math.round(action.x)}, ${Math.round(action.y)}`;
    case 'resize':
      return `resize to ${action.width}×${action.height}`;
    case 'drag':
      return `drag from ${action.from.x},${action.from.y} to ${action.to.x},${action.to.y}`;
    case 'file':
      return `upload ${action.files.map((file) => file.name).join(', ')} to ${describeTarget(action.target)}`;
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
