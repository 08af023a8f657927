import { describe, expect, it } from 'vitest';
import { keyNotation } from '../../keyNotation.js';
import { passesLuhn, syntheticValue } from '../../syntheticValue.js';

describe('replayer | syntheticValue', () => {
  it('produces a valid email of about the recorded length', () => {
    const email = syntheticValue({ kind: 'email', length: 22 }, 'session-1');
    expect(email).toMatch(/^[a-z0-9.]+@example\.com$/);
    expect(email).toHaveLength(22);
  });

  it('produces a card number that passes Luhn, and Luhn rejects a broken one', () => {
    expect(passesLuhn(syntheticValue({ kind: 'card', length: 16 }))).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
  });

  it('keeps digits, dates, passwords and text in their recorded shape', () => {
    expect(syntheticValue({ kind: 'number', length: 6 })).toMatch(/^\d{6}$/);
    expect(syntheticValue({ kind: 'date', length: 10 })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(syntheticValue({ kind: 'password', length: 3 })).toBe('Reprise-Passw0rd!');
    expect(syntheticValue({ kind: 'text', length: 7 })).toHaveLength(7);
    expect(syntheticValue({ kind: 'tel', length: 12 })).toMatch(/^\+1\d{10}$/);
  });
});

describe('replayer | keyNotation', () => {
  it('writes modifiers in Playwright order and names the space key', () => {
    expect(keyNotation('k', ['Meta', 'Control'])).toBe('Control+Meta+k');
    expect(keyNotation(' ')).toBe('Space');
    expect(keyNotation('Shift', ['Shift'])).toBe('Shift');
  });
});
