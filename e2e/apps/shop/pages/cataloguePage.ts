import { PRODUCT_CATEGORIES, type Product } from '../catalogue.js';
import { escapeHtml } from '../html.js';
import type { PageContent } from '../layout.js';
import { renderProductCard, renderProductCardTemplate } from '../productCard.js';
import type { ProductCardPart } from '../variants/index.js';

export function resultCountText(count: number): string {
  return count === 1 ? '1 product' : `${count} products`;
}

export function cataloguePage(options: {
  products: Product[];
  query: string;
  category: string;
  cardOrder: ProductCardPart[];
}): PageContent {
  const categoryButtons = ['', ...PRODUCT_CATEGORIES]
    .map(
      (category) =>
        `<button type="button" class="chip" data-category="${escapeHtml(category)}" aria-pressed="${category === options.category}">${escapeHtml(category || 'All')}</button>`,
    )
    .join('');
  return {
    title: 'Catalogue',
    script: 'catalogue.js',
    main: `<h1>Catalogue</h1>
<form class="search-form" id="search-form" role="search" action="/catalogue" method="get">
  <label for="search-input">Search products</label>
  <input id="search-input" name="q" type="search" value="${escapeHtml(options.query)}">
  <button type="submit" class="button">Search</button>
</form>
<div class="category-filter" role="group" aria-label="Filter by category">${categoryButtons}</div>
<p class="result-count" id="result-count" role="status">${resultCountText(options.products.length)}</p>
<ul class="product-grid" id="product-grid" aria-label="Products">${options.products.map((product) => renderProductCard(options.cardOrder, product)).join('')}</ul>
<p class="empty-state" id="no-results"${options.products.length ? ' hidden' : ''}>No products match your search.</p>
${renderProductCardTemplate(options.cardOrder)}`,
  };
}
