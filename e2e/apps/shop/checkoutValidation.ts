// Server-side checkout validation. public/checkout.js carries the same rules for instant feedback; the server is the
// one that counts, so the two must agree on every valid input.
import type { CheckoutDetails } from './shopState.js';

export interface CheckoutForm extends CheckoutDetails {
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export const CHECKOUT_FIELDS = ['name', 'email', 'address', 'city', 'postcode', 'cardNumber', 'expiry', 'cvc'] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

const POSTCODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EXPIRY_PATTERN = /^(0[1-9]|1[0-2])\/\d{2}$/;

export function cardDigits(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '');
}

export function validateCheckout(form: CheckoutForm): Partial<Record<CheckoutField, string>> {
  const errors: Partial<Record<CheckoutField, string>> = {};
  if (!form.name.trim()) errors.name = 'Enter your full name.';
  if (!EMAIL_PATTERN.test(form.email.trim())) errors.email = 'Enter an email address like name@example.com.';
  if (!form.address.trim()) errors.address = 'Enter the street address.';
  if (!form.city.trim()) errors.city = 'Enter the city.';
  if (!POSTCODE_PATTERN.test(form.postcode.trim())) errors.postcode = 'Enter a valid postcode.';
  if (!/^\d{12,19}$/.test(cardDigits(form.cardNumber))) errors.cardNumber = 'Enter the 12 to 19 digit card number.';
  if (!EXPIRY_PATTERN.test(form.expiry.trim())) errors.expiry = 'Enter the expiry date as MM/YY.';
  if (!/^\d{3,4}$/.test(form.cvc.trim())) errors.cvc = 'Enter the 3 or 4 digit security code.';
  return errors;
}
