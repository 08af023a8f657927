import type { ShopVariantDefinition } from './shopVariantPatch.js';

const TAX_RATES: Record<string, number> = {};

// A new tax step reads a rate table that was never deployed, so every order request fails on the server.
export const checkout500 = {
  name: 'checkout-500',
  kind: 'regression',
  description: 'POST /api/orders answers 500 and the checkout page shows a generic error; no order is placed.',
  expectedDivergence: 'request-failed',
  patch: {
    beforePlaceOrder: (details) => {
      const rate = TAX_RATES[details.postcode.slice(0, 2).toUpperCase()];
      if (rate === undefined) throw new TypeError(`Cannot compute tax: no rate for postcode ${details.postcode}`);
    },
  },
} as const satisfies ShopVariantDefinition;
