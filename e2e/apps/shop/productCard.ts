// One product card template for both the server-rendered grid and the client-side re-render after a search: the
// catalogue page ships it empty inside a <template>, and catalogue.js fills the data-field slots.
import { formatPrice, type Product } from './catalogue.js';
import { escapeHtml } from './html.js';
import type { ProductCardPart } from './variants/index.js';

interface CardFields {
  href: string;
  name: string;
  initial: string;
  category: string;
  price: string;
}

const PARTS: Record<ProductCardPart, (fields: CardFields) => string> = {
  media: (fields) => `<div class="card-media" aria-hidden="true" data-field="initial">${escapeHtml(fields.initial)}</div>`,
  name: (fields) =>
    `<h2 class="card-title"><a class="card-link" href="${escapeHtml(fields.href)}" data-field="name">${escapeHtml(fields.name)}</a></h2>`,
  category: (fields) => `<p class="card-category" data-field="category">${escapeHtml(fields.category)}</p>`,
  price: (fields) => `<p class="card-price" data-field="price">${escapeHtml(fields.price)}</p>`,
};

function renderCard(order: ProductCardPart[], fields: CardFields): string {
  return `<li class="product-card" data-testid="product-card">${order.map((part) => PARTS[part](fields)).join('')}</li>`;
}

export function renderProductCard(order: ProductCardPart[], product: Product): string {
  return renderCard(order, {
    href: `/product/${product.id}`,
    name: product.name,
    initial: product.name.charAt(0),
    category: product.category,
    price: formatPrice(product.pricePence),
  });
}

export function renderProductCardTemplate(order: ProductCardPart[]): string {
  return `<template id="product-card-template">${renderCard(order, { href: '', name: '', initial: '', category: '', price: '' })}</template>`;
}
