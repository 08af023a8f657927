import { describe, expect, it } from 'vitest';
import { scanTopLevel } from '../../http/scanTopLevel.js';

const valueText = (json: string, key = 'events') => {
  const span = scanTopLevel(json, key)?.span;
  return span && json.slice(span.start, span.end);
};

describe('server/http | scanTopLevel', () => {
  it('finds the value of a top-level key whatever the key order and spacing', () => {
    expect(valueText('{"seq":1,"events":[{"a":1}]}')).toBe('[{"a":1}]');
    expect(valueText('{"events":[1,2] ,"seq":1}')).toBe('[1,2]');
    expect(valueText(' {\n  "seq" : 1 ,\n  "events" :\t[ 1 ]\n}\n')).toBe('[ 1 ]');
    expect(valueText('{"a":"x","events":"text"}')).toBe('"text"');
    expect(valueText('{"a":{"b":[]},"events":-1.5e3}')).toBe('-1.5e3');
    expect(valueText('{"events":null}')).toBe('null');
  });

  it('never matches a key nested in a value, nor one inside a string', () => {
    expect(valueText('{"data":{"events":[9]},"events":[1]}')).toBe('[1]');
    expect(valueText('{"events":[{"events":[2]}],"x":{"events":3}}')).toBe('[{"events":[2]}]');
    expect(valueText('{"s":"\\",\\"events\\":[7]","events":[1]}')).toBe('[1]');
    expect(valueText('{"data":{"events":[9]}}')).toBeUndefined();
  });

  it('skips strings with escaped quotes, backslashes and brackets', () => {
    const json = JSON.stringify({ a: 'q"uo\\te\\', events: [{ text: '}]"\\\\"[{', more: '\\' }], z: '"' });
    expect(valueText(json)).toBe(JSON.stringify([{ text: '}]"\\\\"[{', more: '\\' }]));
  });

  it('compares keys decoded, and refuses a key given twice (JSON.parse would keep the last)', () => {
    expect(valueText('{"ev\\u0065nts":[1]}')).toBe('[1]');
    expect(valueText('{"events":[1],"events":[2]}')).toBeUndefined();
    expect(valueText('{"events":[1],"ev\\u0065nts":[2]}')).toBeUndefined();
  });

  it('answers undefined when the top level is not an object', () => {
    expect(scanTopLevel('[{"events":[1]}]', 'events')).toBeUndefined();
    expect(scanTopLevel('"events"', 'events')).toBeUndefined();
  });

  it('measures how deep arrays and objects nest, the top-level object included', () => {
    expect(scanTopLevel('{}', 'events')?.maxDepth).toBe(1);
    expect(scanTopLevel('{"a":1,"b":"[[[["}', 'events')?.maxDepth).toBe(1);
    expect(scanTopLevel('{"a":[1],"b":{"c":[{}]}}', 'events')?.maxDepth).toBe(4);
    const deep = `{"events":${'['.repeat(3000)}${']'.repeat(3000)},"x":[]}`;
    expect(scanTopLevel(deep, 'events')).toEqual({ span: { start: 10, end: 10 + 6000 }, maxDepth: 3001 });
  });

  it('finds the same value JSON.parse reads, for generated documents', () => {
    let seed = 7;
    const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    const pieces = ['events', '"', '\\', '[', ']', '{', '}', ',', ':', 'é', '\u2028', ' '];
    const value = (depth: number): unknown => {
      const pick = random();
      if (depth > 4 || pick < 0.3) return pick < 0.1 ? Math.round(random() * 1e6) / 100 : Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      if (pick < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, index) => [random() < 0.3 ? 'events' : `k${index}`, value(depth + 1)]));
    };
    for (let round = 0; round < 300; round++) {
      const document = { before: value(1), events: value(0), after: value(1) };
      const json = JSON.stringify(document, null, round % 3 === 0 ? 2 : undefined);
      expect(JSON.parse(valueText(json)!)).toEqual(document.events);
    }
  });
});
