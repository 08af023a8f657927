import { replaceOnce, type ShopVariantDefinition } from './shopVariantPatch.js';

// A typo reads the product id from a nested object that does not exist; the script dies before wiring anything.
export const productPageCrash = {
  name: 'product-page-crash',
  kind: 'regression',
  description: 'The product page script throws a TypeError at start: reviews never load and Add to cart is never wired.',
  expectedDivergence: 'page-error',
  patch: {
    scripts: {
      'product.js': (source) =>
        replaceOnce(source, 'productRoot.dataset.productId', 'productRoot.dataset.product.id', 'product.js product id'),
    },
  },
} as const satisfies ShopVariantDefinition;
