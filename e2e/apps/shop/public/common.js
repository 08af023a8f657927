// Shared by every page: the header's Log out button and the cart count other scripts update.
'use strict';

window.shop = {
  async api(path, options = {}) {
    const response = await fetch(path, {
      ...options,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(options.headers || {}) },
      credentials: 'same-origin',
    });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body };
  },
  setCartCount(count) {
    const counter = document.querySelector('[data-testid="cart-count"]');
    if (counter) counter.textContent = String(count);
  },
  formatPrice(pence) {
    return '£' + (pence / 100).toFixed(2);
  },
};

const logoutButton = document.querySelector('[data-action="logout"]');
if (logoutButton) {
  logoutButton.addEventListener('click', async () => {
    await window.shop.api('/api/logout', { method: 'POST', body: '{}' });
    window.location.assign('/login');
  });
}
