import { formatPrice } from '../catalogue.js';
import { escapeHtml } from '../html.js';
import type { PageContent } from '../layout.js';
import type { Order } from '../shopState.js';

export function confirmationPage(order: Order): PageContent {
  const rows = order.lines
    .map((line) => `<li>${escapeHtml(line.name)} × ${line.quantity} <span>${formatPrice(line.unitPricePence * line.quantity)}</span></li>`)
    .join('');
  const { customer } = order;
  return {
    title: 'Order confirmed',
    main: `<section class="panel">
<h1>Thank you for your order</h1>
<p>Your order number is <strong data-testid="order-number">#${order.id}</strong>.</p>
<h2>Summary</h2>
<ul class="order-lines">${rows}</ul>
<p class="cart-total">Total: <strong>${formatPrice(order.totalPence)}</strong></p>
<p>Delivering to ${escapeHtml(customer.name)}, ${escapeHtml(customer.address)}, ${escapeHtml(customer.city)} ${escapeHtml(customer.postcode)}. Paid with the card ending ${escapeHtml(order.cardLast4)}.</p>
<p><a class="button" href="/catalogue">Continue shopping</a></p>
</section>`,
  };
}
