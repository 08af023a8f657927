import type { ShopVariantDefinition } from './shopVariantPatch.js';

export const reorderedMarkup = {
  name: 'reordered-markup',
  kind: 'benign',
  description:
    'Header links and product card internals are reordered and the footer moves before <main> in the document; same behaviour and accessible names.',
  patch: {
    markup: {
      navOrder: ['account', 'cart', 'catalogue'],
      productCardOrder: ['name', 'price', 'category', 'media'],
      footerBeforeMain: true,
    },
  },
} as const satisfies ShopVariantDefinition;
