import { formatPrice, type Product } from '../catalogue.js';
import { escapeHtml } from '../html.js';
import type { PageContent } from '../layout.js';
import { MAX_QUANTITY_PER_LINE } from '../shopState.js';

/** Reviews are rendered by product.js from GET /api/products/:id, so a broken script leaves them loading. */
export function productPage(product: Product): PageContent {
  return {
    title: product.name,
    script: 'product.js',
    main: `<p><a class="back-link" href="/catalogue">Back to catalogue</a></p>
<article class="product-detail" id="product" data-product-id="${product.id}">
  <div class="detail-media" aria-hidden="true">${escapeHtml(product.name.charAt(0))}</div>
  <div class="detail-body">
    <h1>${escapeHtml(product.name)}</h1>
    <p class="detail-category">${escapeHtml(product.category)}</p>
    <p class="detail-price" data-testid="product-price">${formatPrice(product.pricePence)}</p>
    <p class="detail-description">${escapeHtml(product.description)}</p>
    <div class="purchase">
      <label for="quantity">Quantity</label>
      <input id="quantity" name="quantity" type="number" min="1" max="${MAX_QUANTITY_PER_LINE}" value="1" inputmode="numeric">
      <button type="button" class="button button-primary" data-action="add-to-cart" data-testid="add-to-cart">Add to cart</button>
    </div>
    <p class="cart-status" id="cart-status" role="status"></p>
  </div>
</article>
<section class="reviews" aria-labelledby="reviews-heading">
  <h2 id="reviews-heading">Reviews</h2>
  <p class="reviews-summary" id="reviews-summary">Loading…</p>
  <ul class="review-list" id="review-list"></ul>
</section>`,
  };
}
