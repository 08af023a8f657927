'use strict';

for (const removeButton of document.querySelectorAll('[data-action="remove"]')) {
  removeButton.addEventListener('click', async () => {
    removeButton.disabled = true;
    await window.shop.api('/api/cart/' + removeButton.dataset.productId, { method: 'DELETE' });
    // The server renders totals and the empty state; reloading keeps one template for both.
    window.location.reload();
  });
}
