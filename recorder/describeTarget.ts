// Builds an ActionTarget: ranked ways to find the element again at replay, in the spirit of Playwright's
// selector generator. Runs only when the user acts, never on mutations.
import type { ActionTarget, TargetCandidate } from '../protocol/target.js';
import { accessibleName, ariaRole, collapse, labelText } from './ariaRole.js';
import { cssPath, nameSelector, stableIdSelector } from './cssPath.js';
import { isPrivateRegion } from './maskPolicy.js';

const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test'];
const MAX_TEXT_CANDIDATE_CHARS = 50;

/** Clicks land on the deepest node (an icon inside a button); users meant the control around it. */
export const ACTIONABLE_SELECTOR =
  'button,a[href],input,textarea,select,label,summary,[onclick],[role=button],[role=link],[role=checkbox],' +
  '[role=radio],[role=tab],[role=menuitem],[role=option],[role=switch]';

export function retarget(el: Element): Element {
  return el.closest(ACTIONABLE_SELECTOR) || el;
}

const CLICKABLE_ROLES = /^(button|link|tab|menuitem|option|checkbox|radio|switch)$/;

export interface RecordMirror {
  getId(node: Node): number;
}

function testIdCandidate(el: Element): TargetCandidate[] {
  for (const attribute of TEST_ID_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value) return [{ by: 'testid', value }];
  }
  return [];
}

/** Name-based candidates; skipped in masked or blocked regions, where the text itself is private. */
function textualCandidates(el: Element, role: string | undefined, name: string): TargetCandidate[] {
  const candidates: TargetCandidate[] = [];
  if (role && name) candidates.push({ by: 'role', role, name });
  const label = /^(input|textarea|select)$/.test(el.localName) || el.hasAttribute('aria-labelledby') ? labelText(el) : '';
  if (label) candidates.push({ by: 'label', value: label });
  const placeholder = collapse(el.getAttribute('placeholder'));
  if (placeholder) candidates.push({ by: 'placeholder', value: placeholder });
  const alt = /^(img|area|input)$/.test(el.localName) ? collapse(el.getAttribute('alt')) : '';
  if (alt) candidates.push({ by: 'alt', value: alt });
  const title = collapse(el.getAttribute('title'));
  if (title) candidates.push({ by: 'title', value: title });
  if ((role && CLICKABLE_ROLES.test(role)) || /^(label|summary)$/.test(el.localName) || el.hasAttribute('onclick')) {
    const text = collapse(el.textContent);
    if (text && text.length <= MAX_TEXT_CANDIDATE_CHARS) candidates.push({ by: 'text', value: text });
  }
  return candidates;
}

export function targetCandidates(el: Element, role: string | undefined, name: string, isPrivate = false): TargetCandidate[] {
  const candidates = testIdCandidate(el);
  if (!isPrivate) candidates.push(...textualCandidates(el, role, name));
  const id = stableIdSelector(el);
  if (id) candidates.push({ by: 'css', value: id });
  const byName = nameSelector(el);
  if (byName) candidates.push({ by: 'css', value: byName });
  candidates.push({ by: 'css', value: cssPath(el) });
  return candidates;
}

export function describeTarget(el: Element, mirror: RecordMirror, point?: { x: number; y: number }): ActionTarget {
  const role = ariaRole(el);
  const isPrivate = isPrivateRegion(el);
  const name = isPrivate ? '' : accessibleName(el, role);
  const box = el.getBoundingClientRect();
  const target: ActionTarget = {
    candidates: targetCandidates(el, role, name, isPrivate),
    tag: el.localName,
    rect: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) },
  };
  if (role) target.role = role;
  if (name) target.name = name;
  if (point) target.point = point;
  const nodeId = mirror.getId(el);
  if (nodeId > 0) target.nodeId = nodeId;
  return target;
}
