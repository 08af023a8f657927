import type { ShopVariantDefinition } from './shopVariantPatch.js';

/** Hashed names like a CSS-modules build emits; FNV-1a keeps them stable between runs. */
export function hashedClassName(className: string): string {
  let hash = 0x811c9dc5;
  for (const char of className) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `_${hash.toString(36)}`;
}

export const renamedClasses = {
  name: 'renamed-classes',
  kind: 'benign',
  description: 'Every CSS class is renamed (as a CSS-modules build would); same look, same behaviour.',
  patch: { renameClass: hashedClassName },
} as const satisfies ShopVariantDefinition;
