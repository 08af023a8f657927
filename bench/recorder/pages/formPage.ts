// A 10-field sign-up form whose submit posts JSON to the app's API, the flow Playwright types through.
import { benchDocument } from './benchDocument.js';

export const FORM_FIELDS = [
  ['firstName', 'text', 'Ada'],
  ['lastName', 'text', 'Lovelace'],
  ['email', 'email', 'ada@example.com'],
  ['phone', 'tel', '+44 20 7946 0958'],
  ['company', 'text', 'Analytical Engines Ltd'],
  ['street', 'text', '12 St James Square'],
  ['city', 'text', 'London'],
  ['postcode', 'text', 'SW1Y 4JH'],
  ['password', 'password', 'correct horse battery'],
  ['notes', 'textarea', 'Please call after 5pm about the order.'],
] as const;

export function formPage(recorderTags: string): string {
  const fields = FORM_FIELDS.map(([name, type]) => {
    const control = type === 'textarea' ? `<textarea id="${name}" name="${name}"></textarea>` : `<input id="${name}" name="${name}" type="${type}">`;
    return `<p><label for="${name}">${name}</label> ${control}</p>`;
  }).join('');
  const script = `
document.getElementById('signup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/submit', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Object.fromEntries(new FormData(event.target))) });
  document.getElementById('result').textContent = response.ok ? 'Thanks, we will be in touch.' : 'Failed';
  window.__benchDone = true;
});`;
  const tabs = '<nav><button type="button" id="tab-details">Details</button> <button type="button" id="tab-help">Help</button></nav>';
  return benchDocument('Sign up', recorderTags, `${tabs}<form id="signup">${fields}<button id="submit">Create account</button></form><p id="result"></p>`, script);
}
