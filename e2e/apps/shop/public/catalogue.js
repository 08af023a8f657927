// Search and category filter re-render the grid from GET /api/products and keep the URL in step with pushState.
'use strict';

const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('search-input');
const grid = document.getElementById('product-grid');
const resultCount = document.getElementById('result-count');
const noResults = document.getElementById('no-results');
const cardTemplate = document.getElementById('product-card-template');
const categoryButtons = Array.from(document.querySelectorAll('[data-category]'));

function currentCategory() {
  const pressed = categoryButtons.find((button) => button.getAttribute('aria-pressed') === 'true');
  return pressed ? pressed.dataset.category : '';
}

function renderCard(product) {
  const card = cardTemplate.content.firstElementChild.cloneNode(true);
  const link = card.querySelector('[data-field="name"]');
  link.textContent = product.name;
  link.href = '/product/' + product.id;
  card.querySelector('[data-field="initial"]').textContent = product.name.charAt(0);
  card.querySelector('[data-field="category"]').textContent = product.category;
  card.querySelector('[data-field="price"]').textContent = window.shop.formatPrice(product.pricePence);
  return card;
}

function showCategory(category) {
  for (const button of categoryButtons) button.setAttribute('aria-pressed', String(button.dataset.category === category));
}

async function loadProducts(query, category, historyMode) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (category) params.set('category', category);
  const search = params.toString();
  const result = await window.shop.api('/api/products' + (search ? '?' + search : ''));
  const products = result.ok ? result.body.products : [];
  grid.replaceChildren(...products.map(renderCard));
  resultCount.textContent = products.length === 1 ? '1 product' : products.length + ' products';
  noResults.hidden = products.length > 0;
  const url = '/catalogue' + (search ? '?' + search : '');
  if (historyMode === 'push' && url !== window.location.pathname + window.location.search) {
    window.history.pushState({ query, category }, '', url);
  }
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  loadProducts(searchInput.value.trim(), currentCategory(), 'push');
});

for (const button of categoryButtons) {
  button.addEventListener('click', () => {
    showCategory(button.dataset.category);
    loadProducts(searchInput.value.trim(), button.dataset.category, 'push');
  });
}

window.addEventListener('popstate', () => {
  const params = new URLSearchParams(window.location.search);
  searchInput.value = params.get('q') || '';
  showCategory(params.get('category') || '');
  loadProducts(searchInput.value, params.get('category') || '', 'none');
});
