import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatPercent,
  formatRelativeTime,
  humanizeFeature,
  plural,
  probabilityLevel,
  progressPercent,
  shortUrl,
} from '../../src/format.js';

describe('web | format', () => {
  it('formats probabilities as whole percentages without claiming certainty', () => {
    expect(formatPercent(0.734)).toBe('73%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0.996)).toBe('>99%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('colours probabilities against the ticket threshold', () => {
    expect(probabilityLevel(0.5)).toBe('high');
    expect(probabilityLevel(0.3)).toBe('medium');
    expect(probabilityLevel(0.1)).toBe('low');
    expect(probabilityLevel(0.6, 0.8)).toBe('medium');
  });

  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(12_300)).toBe('12s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_725_000)).toBe('1h 02m');
    expect(formatDuration(-1)).toBe('—');
  });

  it('says how long ago something happened', () => {
    const now = 1_700_000_000_000;
    expect(formatRelativeTime(now - 10_000, now)).toBe('just now');
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatRelativeTime(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(formatRelativeTime(now - 72 * 3_600_000, now)).toBe('3 days ago');
  });

  it('shortens URLs to host and path and leaves non-URLs alone', () => {
    expect(shortUrl('https://preview-42.example.com/')).toBe('preview-42.example.com');
    expect(shortUrl('http://127.0.0.1:4100/app')).toBe('127.0.0.1:4100/app');
    expect(shortUrl('not a url')).toBe('not a url');
  });

  it('computes progress without dividing by zero', () => {
    expect(progressPercent({ done: 3, total: 4 })).toBe(75);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ done: 9, total: 4 })).toBe(100);
  });

  it('turns feature names into words and pluralizes counts', () => {
    expect(humanizeFeature('new_page_errors')).toBe('New page errors');
    expect(humanizeFeature('checkoutRoute')).toBe('Checkout route');
    expect(plural(1, 'session')).toBe('1 session');
    expect(plural(2, 'session')).toBe('2 sessions');
  });
});
