import { formatPrice } from '../catalogue.js';
import { escapeHtml } from '../html.js';
import type { PageContent } from '../layout.js';
import type { OrderLine } from '../shopState.js';

export function linesTotalPence(lines: OrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPricePence * line.quantity, 0);
}

export function cartPage(lines: OrderLine[]): PageContent {
  if (!lines.length) {
    return {
      title: 'Your cart',
      main: `<h1>Your cart</h1><p class="empty-state">Your cart is empty.</p><p><a class="button" href="/catalogue">Browse the catalogue</a></p>`,
    };
  }
  const rows = lines
    .map(
      (line) => `<tr data-product-id="${line.productId}">
  <td><a href="/product/${line.productId}">${escapeHtml(line.name)}</a></td>
  <td class="numeric">${line.quantity}</td>
  <td class="numeric">${formatPrice(line.unitPricePence * line.quantity)}</td>
  <td><button type="button" class="button-link" data-action="remove" data-product-id="${line.productId}" aria-label="Remove ${escapeHtml(line.name)}">Remove</button></td>
</tr>`,
    )
    .join('');
  return {
    title: 'Your cart',
    script: 'cart.js',
    main: `<h1>Your cart</h1>
<table class="cart-table">
  <thead><tr><th scope="col">Product</th><th scope="col" class="numeric">Quantity</th><th scope="col" class="numeric">Price</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<p class="cart-total">Total: <strong data-testid="cart-total">${formatPrice(linesTotalPence(lines))}</strong></p>
<p><a class="button button-primary" href="/checkout">Checkout</a></p>`,
  };
}
