'use strict';

const loginForm = document.getElementById('login-form');
const loginError = document.getElementById('login-error');

function showFieldError(input, message) {
  const error = document.getElementById(input.id + '-error');
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
  error.textContent = message;
  error.hidden = !message;
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = loginForm.elements.email;
  const password = loginForm.elements.password;
  showFieldError(email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim()) ? '' : 'Enter an email address like name@example.com.');
  showFieldError(password, password.value ? '' : 'Enter your password.');
  if (email.getAttribute('aria-invalid') === 'true' || password.getAttribute('aria-invalid') === 'true') return;

  loginError.hidden = true;
  const result = await window.shop.api('/api/login', {
    method: 'POST',
    body: JSON.stringify({ email: email.value.trim(), password: password.value }),
  });
  if (result.ok) {
    // Tell the session recorder (when the page embeds it) who this customer is.
    if (window.Reprise) window.Reprise.identify(email.value.trim());
    window.location.assign('/catalogue');
    return;
  }
  loginError.textContent = result.body.error || 'Could not log in. Please try again.';
  loginError.hidden = false;
});
