import type { KeyModifier } from '../protocol/index.js';

const MODIFIER_ORDER: KeyModifier[] = ['Control', 'Alt', 'Shift', 'Meta'];
const KEY_ALIASES: Record<string, string> = { ' ': 'Space', Spacebar: 'Space', Esc: 'Escape', Del: 'Delete' };

/** KeyboardEvent.key plus modifiers in Playwright's `keyboard.press` notation, e.g. `Control+k`. */
export function keyNotation(key: string, modifiers: readonly KeyModifier[] = []): string {
  const name = KEY_ALIASES[key] ?? key;
  const held = MODIFIER_ORDER.filter((modifier) => modifiers.includes(modifier) && modifier !== name);
  return [...held, name].join('+');
}
