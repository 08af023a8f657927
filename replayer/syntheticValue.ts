import type { MaskedShape } from '../protocol/index.js';

/** A card number that passes the Luhn check and that payment sandboxes accept as a test card. */
export const SYNTHETIC_CARD = '4242424242424242';
export const SYNTHETIC_PASSWORD = 'Reprise-Passw0rd!';
const SYNTHETIC_DATE = '2026-01-15';

/**
 * A stand-in for a value the recorder masked: same kind and, where the kind allows, the same length, so that
 * validation rules (required, minlength, pattern, Luhn) treat it like the customer's value.
 */
export function syntheticValue(shape: MaskedShape, seed = 'reprise'): string {
  if (shape.pattern && !['email', 'url', 'date', 'password'].includes(shape.kind)) return fromPattern(shape.pattern, shape.kind);
  const length = Math.max(1, shape.length);
  switch (shape.kind) {
    case 'email':
      return syntheticEmail(length, seed);
    case 'number':
      return repeatTo('1234567890', length);
    case 'tel':
      return length >= 10 ? `+1${repeatTo('5550100123', length - 2)}` : repeatTo('5550100123', length);
    case 'date':
      return SYNTHETIC_DATE;
    case 'url':
      return 'https://example.com/';
    case 'password':
      return SYNTHETIC_PASSWORD;
    case 'card':
      return SYNTHETIC_CARD;
    case 'text':
      return repeatTo('Reprise sample text ', length).replace(/ $/, 'x');
  }
}

/**
 * Fills a character-class pattern ("9999 9999 9999 9999", "99/99", "AA9 9AA") with plausible characters. Card
 * numbers (13-19 digits) get a Luhn-valid test number, month/year pairs a valid future expiry.
 */
function fromPattern(pattern: string, kind: MaskedShape['kind']): string {
  const digitCount = (pattern.match(/9/g) ?? []).length;
  let digits = '1234567890'.repeat(4);
  if (kind === 'card' && digitCount >= 13 && digitCount <= 19) digits = luhnNumber(digitCount);
  else if (/^99\s?\/\s?99(99)?$/.test(pattern)) digits = pattern.length > 5 ? '12' + '2030' : '1230';
  let digit = 0;
  let letter = 0;
  return [...pattern]
    .map((symbol) => {
      if (symbol === '9') return digits[digit++ % digits.length];
      if (symbol === 'a' || symbol === '*') return 'reprise'[letter++ % 7];
      if (symbol === 'A') return 'REPRISE'[letter++ % 7];
      return symbol;
    })
    .join('');
}

/** A Luhn-valid number of `length` digits starting with Visa's test prefix. */
function luhnNumber(length: number): string {
  const body = ('4242424242424242424').slice(0, length - 1);
  for (let check = 0; check <= 9; check++) if (passesLuhn(body + check)) return body + check;
  return SYNTHETIC_CARD;
}

/** Luhn checksum, used by tests and by anyone checking that a synthetic card number will be accepted. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function syntheticEmail(length: number, seed: string): string {
  const domain = '@example.com';
  const localLength = Math.max(4, length - domain.length);
  const local = repeatTo(`reprise.${seed.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'user'}`, localLength).replace(/\.$/, 'x');
  return `${local}${domain}`;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
