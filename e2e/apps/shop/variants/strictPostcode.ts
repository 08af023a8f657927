import { replaceOnce, type ShopVariantDefinition } from './shopVariantPatch.js';

// Someone "tightened" validation to US ZIP+4, which rejects every UK and German postcode.
export const strictPostcode = {
  name: 'strict-postcode',
  kind: 'regression',
  description: 'Checkout validation only accepts US ZIP+4 codes and rejects valid postcodes such as "SW1A 1AA" or "10115".',
  expectedDivergence: 'navigation-changed',
  patch: {
    scripts: {
      'checkout.js': (source) =>
        replaceOnce(
          source,
          'const POSTCODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/;',
          'const POSTCODE_PATTERN = /^\\d{5}-\\d{4}$/;',
          'checkout.js postcode pattern',
        ),
    },
  },
} as const satisfies ShopVariantDefinition;
