import { describe, expect, it } from 'vitest';
import { searchProducts } from '../catalogue.js';
import { validateCheckout } from '../checkoutValidation.js';
import { renameClassesInCss, renameClassesInMarkup } from '../classNames.js';
import { replaceOnce, shopVariantDefinition, SHOP_VARIANTS } from '../variants/index.js';

const upper = (name: string) => name.toUpperCase();
const validForm = {
  name: 'Oliver Hughes',
  email: 'oliver@example.co.uk',
  address: '10 Downing Street',
  city: 'London',
  postcode: 'SW1A 1AA',
  cardNumber: '4242 4242 4242 4242',
  expiry: '12/29',
  cvc: '123',
};

describe('e2e/apps/shop | classNames', () => {
  it('renames class selectors in CSS but not numbers in declarations or media queries', () => {
    const css = '.card .card-title, a.button:hover { padding: 0.5rem; }\n@media (max-width: 40.5rem) { .grid { gap: .25rem } }';
    expect(renameClassesInCss(css, upper)).toBe(
      '.CARD .CARD-TITLE, a.BUTTON:hover { padding: 0.5rem; }\n@media (max-width: 40.5rem) { .GRID { gap: .25rem } }',
    );
  });

  it('renames every class in class attributes', () => {
    expect(renameClassesInMarkup('<a class="button  button-primary" data-class="x">', upper)).toBe(
      '<a class="BUTTON BUTTON-PRIMARY" data-class="x">',
    );
  });
});

describe('e2e/apps/shop | validateCheckout', () => {
  it('accepts UK and German postcodes and reports each invalid field', () => {
    expect(validateCheckout(validForm)).toEqual({});
    expect(validateCheckout({ ...validForm, postcode: '10115' })).toEqual({});
    expect(validateCheckout({ ...validForm, postcode: '!', cvc: '12' })).toEqual({
      postcode: 'Enter a valid postcode.',
      cvc: 'Enter the 3 or 4 digit security code.',
    });
  });
});

describe('e2e/apps/shop | variants', () => {
  it('lists every variant with its kind, and an expected divergence for each regression', () => {
    for (const variant of SHOP_VARIANTS) {
      expect(Boolean(variant.expectedDivergence), variant.name).toBe(variant.kind === 'regression');
    }
    expect(SHOP_VARIANTS.map((variant) => variant.kind).filter((kind) => kind === 'benign')).toHaveLength(3);
  });

  it('refuses an unknown variant and a patch whose anchor drifted, saying what to do', () => {
    expect(() => shopVariantDefinition('nope')).toThrow(/unknown variant "nope"\. Use one of: baseline, dead-add-to-cart/);
    expect(() => replaceOnce('abc', 'x', 'y', 'demo.js')).toThrow(
      'Cannot patch demo.js: expected exactly one occurrence of "x", found none. Update the variant to match the baseline source.',
    );
  });
});

describe('e2e/apps/shop | searchProducts', () => {
  it('matches case-insensitively and filters by category', () => {
    expect(searchProducts('LAMP').map((product) => product.name)).toEqual(['Brass Desk Lamp', 'Paper Floor Lamp']);
    expect(searchProducts('', 'Kitchen')).toHaveLength(3);
  });
});
