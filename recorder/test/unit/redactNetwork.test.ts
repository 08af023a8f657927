import { describe, expect, it } from 'vitest';
import { isRecordableContentType, redactBody, redactHeaders } from '../../redactNetwork.js';
import { looksGenerated } from '../../cssPath.js';

describe('recorder | redactNetwork', () => {
  it('drops credential headers and anything named like a token, secret or session', () => {
    const kept = redactHeaders([
      ['Authorization', 'Bearer x'], ['Cookie', 'a=b'], ['X-CSRF-Token', 't'], ['X-Api-Key', 'k'],
      ['x-session-id', 's'], ['X-Client-Secret', 'c'], ['Content-Type', 'application/json'], ['X-Trace', '1'],
    ]);
    expect(kept).toEqual({ 'content-type': 'application/json', 'x-trace': '1' });
  });

  it('masks secret keys at any depth of a JSON body, and in form-encoded bodies', () => {
    const json = JSON.stringify({ user: { email: 'a@b.c', password: 'p' }, payments: [{ cardNumber: '4111', cvv: '1', amount: 5 }], accessToken: 't' });
    expect(JSON.parse(redactBody(json, 'application/json', 10_000))).toEqual({
      user: { email: 'a@b.c', password: '[masked]' },
      payments: [{ cardNumber: '[masked]', cvv: '[masked]', amount: 5 }],
      accessToken: '[masked]',
    });
    expect(redactBody('user=ann&password=hunter2', null, 10_000)).toBe('user=ann&password=%5Bmasked%5D');
  });

  it('truncates after masking and records only JSON and text', () => {
    expect(redactBody('x'.repeat(50), 'text/plain', 10)).toBe('x'.repeat(10));
    expect(isRecordableContentType('application/json; charset=utf-8')).toBe(true);
    expect(isRecordableContentType('text/event-stream')).toBe(false);
    expect(isRecordableContentType('image/png')).toBe(false);
  });
});

describe('recorder | cssPath', () => {
  it('treats framework-generated ids as unstable and human ids as stable', () => {
    for (const id of [':r1:', 'ember1234', 'a3f9c2e1b7', 'el-20240101', 'x1y2z3']) expect(looksGenerated(id)).toBe(true);
    for (const id of ['save', 'checkout-button', 'step2', 'main-nav']) expect(looksGenerated(id)).toBe(false);
  });
});
