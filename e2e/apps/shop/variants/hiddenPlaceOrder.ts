import type { ShopVariantDefinition } from './shopVariantPatch.js';

// A rule meant for the promo banner's secondary button also matches the checkout's primary action.
export const hiddenPlaceOrder = {
  name: 'hidden-place-order',
  kind: 'regression',
  description: 'The Place order button is hidden by a stray CSS rule (display: none); checkout cannot be completed.',
  expectedDivergence: 'action-failed',
  patch: {
    css: `
/* Promo banner: hide the duplicate call to action on narrow layouts */
.checkout-actions .button-primary { display: none; }
`,
  },
} as const satisfies ShopVariantDefinition;
