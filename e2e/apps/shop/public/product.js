// Wires Add to cart and renders reviews from GET /api/products/:id.
'use strict';

const productRoot = document.getElementById('product');
const productId = Number(productRoot.dataset.productId);
const quantityInput = document.getElementById('quantity');
const cartStatus = document.getElementById('cart-status');
const reviewsSummary = document.getElementById('reviews-summary');
const reviewList = document.getElementById('review-list');

const addToCartButton = document.querySelector('[data-action="add-to-cart"]');
if (addToCartButton) {
  addToCartButton.addEventListener('click', async () => {
    const quantity = Math.max(1, Math.min(10, Number(quantityInput.value) || 1));
    addToCartButton.disabled = true;
    cartStatus.textContent = 'Adding…';
    const result = await window.shop.api('/api/cart', { method: 'POST', body: JSON.stringify({ productId, quantity }) });
    addToCartButton.disabled = false;
    if (result.ok) {
      cartStatus.textContent = 'Added to cart';
      window.shop.setCartCount(result.body.count);
    } else {
      cartStatus.textContent = 'Could not add to cart. Please try again.';
    }
  });
}

function stars(rating) {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

async function loadReviews() {
  const result = await window.shop.api('/api/products/' + productId);
  if (!result.ok) {
    reviewsSummary.textContent = 'Reviews are unavailable right now.';
    return;
  }
  const reviews = result.body.product.reviews;
  if (!reviews.length) {
    reviewsSummary.textContent = 'No reviews yet';
    return;
  }
  const average = reviews.reduce((sum, review) => sum + review.rating, 0) / reviews.length;
  reviewsSummary.textContent =
    (reviews.length === 1 ? '1 review' : reviews.length + ' reviews') + ', average ' + average.toFixed(1) + ' out of 5';
  reviewList.replaceChildren(
    ...reviews.map((review) => {
      const item = document.createElement('li');
      const rating = document.createElement('span');
      rating.setAttribute('aria-label', review.rating + ' out of 5 stars');
      rating.textContent = stars(review.rating);
      item.append(rating, ' ' + review.author + ': ' + review.text);
      return item;
    }),
  );
}

loadReviews();
