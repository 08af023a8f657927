import { formatPrice } from '../catalogue.js';
import { escapeHtml } from '../html.js';
import type { PageContent } from '../layout.js';
import type { OrderLine } from '../shopState.js';
import { linesTotalPence } from './cartPage.js';

interface FieldSpec {
  id: string;
  label: string;
  type?: string;
  autocomplete: string;
  extra?: string;
}

const FIELDS: FieldSpec[] = [
  { id: 'name', label: 'Full name', autocomplete: 'name' },
  { id: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
  { id: 'address', label: 'Address', autocomplete: 'street-address' },
  { id: 'city', label: 'City', autocomplete: 'address-level2' },
  { id: 'postcode', label: 'Postcode', autocomplete: 'postal-code' },
  { id: 'cardNumber', label: 'Card number', autocomplete: 'cc-number', extra: 'inputmode="numeric"' },
  { id: 'expiry', label: 'Expiry (MM/YY)', autocomplete: 'cc-exp', extra: 'placeholder="MM/YY"' },
  { id: 'cvc', label: 'CVC', autocomplete: 'cc-csc', extra: 'inputmode="numeric"' },
];

function field(spec: FieldSpec, value: string): string {
  return `<div class="field">
  <label for="${spec.id}">${escapeHtml(spec.label)}</label>
  <input id="${spec.id}" name="${spec.id}" type="${spec.type ?? 'text'}" autocomplete="${spec.autocomplete}" value="${escapeHtml(value)}" aria-describedby="${spec.id}-error" ${spec.extra ?? ''}>
  <p class="field-error" id="${spec.id}-error" hidden></p>
</div>`;
}

export function checkoutPage(lines: OrderLine[], email: string | undefined): PageContent {
  if (!lines.length) {
    return {
      title: 'Checkout',
      main: `<h1>Checkout</h1><p class="empty-state">Your cart is empty, so there is nothing to check out.</p><p><a class="button" href="/catalogue">Browse the catalogue</a></p>`,
    };
  }
  const summary = lines
    .map((line) => `<li>${escapeHtml(line.name)} × ${line.quantity} <span>${formatPrice(line.unitPricePence * line.quantity)}</span></li>`)
    .join('');
  return {
    title: 'Checkout',
    script: 'checkout.js',
    main: `<h1>Checkout</h1>
<div class="checkout-layout">
<form id="checkout-form" class="form" novalidate>
  <fieldset><legend>Delivery</legend>${FIELDS.slice(0, 5).map((spec) => field(spec, spec.id === 'email' ? (email ?? '') : '')).join('')}</fieldset>
  <fieldset><legend>Payment</legend>${FIELDS.slice(5).map((spec) => field(spec, '')).join('')}</fieldset>
  <p class="form-error" id="checkout-error" role="alert" hidden></p>
  <div class="checkout-actions"><button type="submit" class="button button-primary" data-testid="place-order">Place order</button></div>
</form>
<aside class="order-summary" aria-labelledby="summary-heading">
  <h2 id="summary-heading">Order summary</h2>
  <ul>${summary}</ul>
  <p class="cart-total">Total: <strong>${formatPrice(linesTotalPence(lines))}</strong></p>
</aside>
</div>`,
  };
}
