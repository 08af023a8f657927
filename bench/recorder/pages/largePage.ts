// A server-rendered catalogue: ~2 MB of inline JSON state (as frameworks hydrate from) and ~5,000 DOM nodes.
import { benchDocument } from './benchDocument.js';

const INLINE_JSON_BYTES = 2_000_000;
const PRODUCTS = 600;

function inlineState(): string {
  const items: object[] = [];
  let size = 0;
  for (let i = 0; size < INLINE_JSON_BYTES; i++) {
    const item = { id: `sku-${i}`, title: `Product ${i} with a reasonably long marketing title`, price: (i % 97) + 0.99, tags: ['new', 'sale', `group-${i % 13}`], stock: i % 17 };
    items.push(item);
    size += JSON.stringify(item).length + 1;
  }
  // `<` escaped as frameworks do, so the JSON can never close the script element.
  return JSON.stringify({ items }).replace(/</g, '\\u003c');
}

let cachedState: string | undefined;

export function largePage(recorderTags: string): string {
  cachedState ??= inlineState();
  // 8 elements + 5 text nodes per card: 600 cards ≈ 5,000 element nodes with their text.
  const cards = Array.from({ length: PRODUCTS }, (_, i) =>
    `<article class="card"><h3>Product ${i}</h3><p>A short description of product ${i}.</p><ul><li>Colour</li><li>Size</li></ul><button type="button">Add</button></article>`,
  ).join('');
  const body = `<script type="application/json" id="__STATE__">${cachedState}</script><main>${cards}</main>`;
  return benchDocument('Catalogue', recorderTags, body, 'addEventListener("load", () => { window.__benchDone = true; });');
}
