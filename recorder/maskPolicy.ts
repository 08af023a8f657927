// One masking rule shared by rrweb's snapshot/input masking and Reprise's own input actions, so both agree.
import { maskPattern, type MaskedShape } from '../protocol/target.js';

export const MASK_CLASS = 'reprise-mask';
export const MASK_SELECTOR = '.reprise-mask,[data-reprise-mask]';
export const BLOCK_CLASS = 'reprise-block';
export const BLOCK_SELECTOR = '[data-reprise-block]';

const PAYMENT_FIELD = /card|cc-?(num|csc|exp)|cvv|cvc|expir|iban|ssn/i;

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function attr(el: Element, name: string): string {
  return (el.getAttribute(name) || '').toLowerCase();
}

function isPaymentField(el: Element): boolean {
  return attr(el, 'autocomplete').startsWith('cc-') || PAYMENT_FIELD.test(attr(el, 'name') + ' ' + el.id);
}

/** Inside a masked or blocked region: rrweb hides its text, so Reprise must not reveal it through names either. */
export function isPrivateRegion(el: Element): boolean {
  return el.closest(`${MASK_SELECTOR},.${BLOCK_CLASS},${BLOCK_SELECTOR}`) !== null;
}

export function shouldMaskInput(el: Element, maskAllInputs: boolean): boolean {
  return maskAllInputs || attr(el, 'type') === 'password' || isPaymentField(el) || isPrivateRegion(el);
}

export function maskedKind(el: Element): MaskedShape['kind'] {
  const type = attr(el, 'type');
  const hints = `${type} ${attr(el, 'autocomplete')} ${attr(el, 'inputmode')} ${attr(el, 'name')}`;
  if (type === 'password') return 'password';
  if (isPaymentField(el)) return 'card';
  if (/email/.test(hints)) return 'email';
  if (/tel/.test(hints)) return 'tel';
  if (/url/.test(hints)) return 'url';
  if (/date|time|month|week|bday/.test(hints)) return 'date';
  if (/number|numeric|decimal/.test(hints)) return 'number';
  return 'text';
}

/**
 * The shape of a masked value: its kind, length and, for structured values (card numbers, expiry dates, postcodes),
 * its character classes so replay can pass format checks. Passwords and anything inside a region the page marked
 * private reveal their length only.
 */
export function maskedShape(el: Field): MaskedShape {
  const kind = maskedKind(el);
  const length = el.value.length;
  return kind === 'password' || isPrivateRegion(el) ? { kind, length } : { kind, length, pattern: maskPattern(el.value) };
}

/** rrweb consults maskInputFn only for the types listed here, so every text-like type is listed and the fn decides. */
export const RRWEB_MASK_INPUT_TYPES = {
  color: true, date: true, 'datetime-local': true, email: true, month: true, number: true, range: true,
  search: true, tel: true, text: true, time: true, url: true, week: true, textarea: true, password: true,
};

export function rrwebMaskInputFn(maskAllInputs: boolean) {
  return (text: string, element: HTMLElement): string =>
    shouldMaskInput(element, maskAllInputs) ? '*'.repeat(text.length) : text;
}
