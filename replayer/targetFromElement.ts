import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { ActionTarget, TargetCandidate } from '../protocol/index.js';

const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-cy'];
const INTERACTIVE = 'button, a[href], input, select, textarea, summary, label, [role=button], [role=link], [role=checkbox], [role=menuitem], [role=tab], [role=option]';
/** Ids with digit runs or hashes are usually generated per render and will not exist on replay. */
const GENERATED_ID = /\d{3,}|[0-9a-f]{8,}|^:r|^ember|^react-/i;
const MAX_NAME_LENGTH = 80;

/**
 * Candidates for an element of a rebuilt recording, ranked like Playwright's selector generator. A click on a
 * `<span>` inside a button is retargeted to the button, as Playwright does.
 */
export function targetFromElement(deepest: Element): ActionTarget {
  const element = deepest.closest(INTERACTIVE) ?? deepest;
  const tag = element.tagName.toLowerCase();
  const role = safe(() => getRole(element)) ?? undefined;
  const name = safe(() => computeAccessibleName(element))?.trim().slice(0, MAX_NAME_LENGTH) || undefined;
  const candidates: TargetCandidate[] = [];

  for (const attribute of TEST_ID_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value) {
      candidates.push({ by: 'testid', value });
      break;
    }
  }
  if (role && name) candidates.push({ by: 'role', role, name });
  const label = labelText(element);
  if (label) candidates.push({ by: 'label', value: label });
  pushAttribute(candidates, 'placeholder', element.getAttribute('placeholder'));
  pushAttribute(candidates, 'alt', element.getAttribute('alt'));
  const text = element.textContent?.replace(/\s+/g, ' ').trim();
  if (text && text.length <= MAX_NAME_LENGTH && !['input', 'select', 'textarea'].includes(tag)) candidates.push({ by: 'text', value: text });
  pushAttribute(candidates, 'title', element.getAttribute('title'));
  const id = element.getAttribute('id');
  if (id && !GENERATED_ID.test(id)) candidates.push({ by: 'css', value: `#${cssEscape(id)}` });
  const fieldName = element.getAttribute('name');
  if (fieldName) candidates.push({ by: 'css', value: `${tag}[name="${fieldName.replace(/"/g, '\\"')}"]` });
  candidates.push({ by: 'css', value: cssPath(element) });

  return { candidates, tag, role, name };
}

function labelText(element: Element): string | undefined {
  const labels = (element as HTMLInputElement).labels;
  const fromLabel = labels?.length ? labels[0].textContent?.replace(/\s+/g, ' ').trim() : undefined;
  return fromLabel || element.getAttribute('aria-label')?.trim() || undefined;
}

function pushAttribute(candidates: TargetCandidate[], by: 'placeholder' | 'alt' | 'title', value: string | null): void {
  if (value?.trim()) candidates.push({ by, value: value.trim() });
}

/** `body > main > form > button:nth-of-type(2)`: the last resort, brittle by nature. */
function cssPath(element: Element): string {
  const parts: string[] = [];
  for (let current: Element | null = element; current && current.tagName.toLowerCase() !== 'html'; current = current.parentElement) {
    const tag = current.tagName.toLowerCase();
    const parent: Element | null = current.parentElement;
    const sameTag = parent ? Array.from(parent.children).filter((child) => child.tagName === current!.tagName) : [];
    parts.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
  }
  return parts.join(' > ');
}

function cssEscape(id: string): string {
  return id.replace(/([^A-Za-z0-9_-])/g, '\\$1');
}

function safe<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
