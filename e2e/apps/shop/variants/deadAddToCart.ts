import { replaceOnce, type ShopVariantDefinition } from './shopVariantPatch.js';

// A refactor renamed the button's hook in the script but not in the markup, so the listener binds to nothing.
export const deadAddToCart = {
  name: 'dead-add-to-cart',
  kind: 'regression',
  description: 'The Add to cart button does nothing: its click listener is bound to a selector that no longer matches.',
  expectedDivergence: 'request-missing',
  patch: {
    scripts: {
      'product.js': (source) =>
        replaceOnce(source, `'[data-action="add-to-cart"]'`, `'[data-action="add-to-basket"]'`, 'product.js add-to-cart hook'),
    },
  },
} as const satisfies ShopVariantDefinition;
