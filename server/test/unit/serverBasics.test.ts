import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../auth/index.js';
import { loadConfig } from '../../config.js';
import { RateLimiter } from '../../http/index.js';
import { upgradeEvents } from '../../store/index.js';

describe('server | loadConfig', () => {
  it('applies defaults and lets flags win over the environment', () => {
    const config = loadConfig({ port: 5000 }, { PORT: '6000', REPRISE_ALLOWED_ORIGINS: 'https://a.example/, https://b.example' });
    expect(config).toMatchObject({ port: 5000, host: '127.0.0.1', allowedOrigins: ['https://a.example', 'https://b.example'], publicUrl: 'http://localhost:5000' });
  });

  it('says clearly when PORT is not a port', () => {
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/PORT.*must be a number.*"eighty"/);
    expect(() => loadConfig({}, { PORT: '99999' })).toThrow(/between 0 and 65535/);
  });
});

describe('server/http | RateLimiter', () => {
  it('allows the burst, then refills at the sustained rate', () => {
    let nowMs = 0;
    const limiter = new RateLimiter(2, 3, () => nowMs);
    expect([1, 2, 3].map(() => limiter.take('p').allowed)).toEqual([true, true, true]);
    expect(limiter.take('p')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('other').allowed).toBe(true);
    nowMs = 500;
    expect(limiter.take('p').allowed).toBe(true);
  });
});

describe('server/auth | passwords', () => {
  it('verifies the right password only', async () => {
    const stored = await hashPassword('s3cret');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('s3cret', stored)).toBe(true);
    expect(await verifyPassword('s3cret!', stored)).toBe(false);
  });
});

describe('server/store | upgradeEvents', () => {
  it('returns current-format events unchanged and refuses newer formats', () => {
    const events = [{ type: 4, data: { href: 'x' }, timestamp: 1 }];
    expect(upgradeEvents(events, 1)).toEqual(events);
    expect(() => upgradeEvents(events, 7)).toThrow(/Upgrade the Reprise server/);
  });
});
