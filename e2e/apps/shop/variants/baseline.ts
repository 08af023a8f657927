import type { ShopVariantDefinition } from './shopVariantPatch.js';

export const baseline = {
  name: 'baseline',
  kind: 'baseline',
  description: 'The shop as customers use it today.',
  patch: {},
} as const satisfies ShopVariantDefinition;
