// Parses Playwright's ariaSnapshot() YAML-like lines into (role, name, states) entries.
import { normalizeText } from '../../protocol/index.js';

export interface AriaEntry {
  role: string;
  name: string;
  /** Sorted attribute flags such as `checked`, `disabled`, `expanded=false`. */
  states: string[];
}

export const INTERACTIVE_ROLES: ReadonlySet<string> = new Set([
  'button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'searchbox', 'menuitem', 'tab', 'heading',
  'switch', 'slider', 'spinbutton', 'option',
]);

const LANDMARK_ROLES: ReadonlySet<string> = new Set([
  'banner', 'navigation', 'main', 'contentinfo', 'complementary', 'form', 'search', 'dialog', 'alertdialog', 'alert', 'region',
]);

// `- button "Add to cart" [disabled]`, `- link /Cart \d+/:`, `- heading "Shop" [level=1]`
const ENTRY_LINE = /^\s*-\s+([a-z]+)(?:\s+("(?:[^"\\]|\\.)*"|\/(?:[^/\\]|\\.)*\/))?((?:\s*\[[^\]]*\])*)\s*(?::.*)?$/;

/**
 * Entries worth comparing: named elements and landmarks. Unnamed text containers (paragraph, listitem, generic)
 * are left to the text comparison, where a word-level diff says more.
 */
export function ariaEntries(snapshot: string): AriaEntry[] {
  const entries: AriaEntry[] = [];
  for (const line of snapshot.split('\n')) {
    const match = ENTRY_LINE.exec(line);
    if (!match) continue;
    const [, role, rawName, rawStates] = match;
    if (role === 'text') continue;
    const name = rawName ? normalizeText(unquote(rawName)) : '';
    if (!name && !LANDMARK_ROLES.has(role) && !INTERACTIVE_ROLES.has(role)) continue;
    const states = (rawStates.match(/\[([^\]]*)\]/g) ?? []).map((state) => state.slice(1, -1).trim()).sort();
    entries.push({ role, name, states });
  }
  return entries;
}

export function entryKey(entry: Pick<AriaEntry, 'role' | 'name'>): string {
  return `${entry.role} "${entry.name}"`;
}

export function entryLabel(entry: Pick<AriaEntry, 'role' | 'name'>): string {
  return entry.name ? `${entry.role} '${entry.name}'` : entry.role;
}

function unquote(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  return raw;
}
