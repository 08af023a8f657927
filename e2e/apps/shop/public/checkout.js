// Client-side checkout validation (the server repeats it in checkoutValidation.ts), then POST /api/orders.
'use strict';

const POSTCODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EXPIRY_PATTERN = /^(0[1-9]|1[0-2])\/\d{2}$/;

const checkoutForm = document.getElementById('checkout-form');
const checkoutError = document.getElementById('checkout-error');
const placeOrderButton = checkoutForm.querySelector('button[type="submit"]');

const RULES = {
  name: (value) => (value ? '' : 'Enter your full name.'),
  email: (value) => (EMAIL_PATTERN.test(value) ? '' : 'Enter an email address like name@example.com.'),
  address: (value) => (value ? '' : 'Enter the street address.'),
  city: (value) => (value ? '' : 'Enter the city.'),
  postcode: (value) => (POSTCODE_PATTERN.test(value) ? '' : 'Enter a valid postcode.'),
  cardNumber: (value) => (/^\d{12,19}$/.test(value.replace(/[\s-]/g, '')) ? '' : 'Enter the 12 to 19 digit card number.'),
  expiry: (value) => (EXPIRY_PATTERN.test(value) ? '' : 'Enter the expiry date as MM/YY.'),
  cvc: (value) => (/^\d{3,4}$/.test(value) ? '' : 'Enter the 3 or 4 digit security code.'),
};

function showFieldError(name, message) {
  const input = checkoutForm.elements[name];
  const error = document.getElementById(name + '-error');
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
  error.textContent = message;
  error.hidden = !message;
}

function readForm() {
  const values = {};
  for (const name of Object.keys(RULES)) values[name] = checkoutForm.elements[name].value.trim();
  return values;
}

checkoutForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  checkoutError.hidden = true;
  const values = readForm();
  let firstInvalid = null;
  for (const [name, rule] of Object.entries(RULES)) {
    const message = rule(values[name]);
    showFieldError(name, message);
    if (message && !firstInvalid) firstInvalid = checkoutForm.elements[name];
  }
  if (firstInvalid) {
    firstInvalid.focus();
    return;
  }

  placeOrderButton.disabled = true;
  const result = await window.shop.api('/api/orders', { method: 'POST', body: JSON.stringify(values) });
  placeOrderButton.disabled = false;
  if (result.ok) {
    window.location.assign('/orders/' + result.body.order.id + '/confirmation');
    return;
  }
  if (result.status === 400 && result.body.fields) {
    for (const [name, message] of Object.entries(result.body.fields)) showFieldError(name, message);
  }
  checkoutError.textContent =
    result.status >= 500 ? 'Something went wrong placing your order. Please try again.' : result.body.error || 'Please check your details.';
  checkoutError.hidden = false;
});
