// Deterministic generator of hostile request bodies: malformed, truncated, oversized, deeply nested, wrongly
// typed and wrongly encoded, for every route that takes a body. Each case names its kind for failure messages.
import { gzipSync } from 'node:zlib';
import { checksumEvents, MAX_BATCH_BYTES, RECORDING_FORMAT_VERSION } from '../../protocol/index.js';

export type FuzzRoute = '/api/ingest' | '/api/import' | '/api/runs' | '/api/triage' | '/api/auth/login';
export const FUZZ_ROUTES: FuzzRoute[] = ['/api/ingest', '/api/import', '/api/runs', '/api/triage', '/api/auth/login'];

export interface FuzzCase {
  route: FuzzRoute;
  kind: string;
  body: Buffer;
  contentType: string;
}

const WRONG_VALUES: unknown[] = [null, true, -1, 1.5, 1e308, '', 'x'.repeat(70), [], {}, [[]], { $gt: '' }, '../../etc/passwd', NaN, '\u0000'];

function validShape(route: FuzzRoute, random: () => number): Record<string, unknown> {
  const events = [{ type: 4, data: { href: 'https://shop.example/', width: 1280, height: 720 }, timestamp: 1_700_000_000_000 }];
  switch (route) {
    case '/api/ingest':
      return { formatVersion: RECORDING_FORMAT_VERSION, sessionId: `fuzz-${Math.floor(random() * 1e9)}`, seq: 0, checksum: checksumEvents(events as never), sentAt: 1, events };
    case '/api/import':
      // Import has no checksum and optional fields, so its base is subtly invalid (a negative timestamp):
      // no mutation can turn it into an import the server should accept.
      return { sessionId: `fuzz-import-${Math.floor(random() * 1e9)}`, events: [{ ...events[0], timestamp: -1 }] };
    case '/api/runs':
      // Never an allowed origin: a valid-looking run request must still be refused (403), not start a run.
      return { baseline: 'https://evil.example/', candidate: 'http://169.254.169.254/latest', sessions: 1 };
    case '/api/triage':
      return { runId: 'no-such-run', sessionId: 'no-such-session', decision: 'ticket' };
    case '/api/auth/login':
      return { username: 'admin', password: 'wrong password' };
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickKey(route: FuzzRoute, random: () => number): string {
  return pick(Object.keys(validShape(route, random)), random);
}

function nested(depth: number, open: string, close: string): string {
  return open.repeat(depth) + close.repeat(depth);
}

/** The mutations; each returns the body and its content type. */
const MUTATIONS: Record<string, (route: FuzzRoute, random: () => number) => { body: Buffer | string; contentType?: string }> = {
  truncated: (route, random) => {
    const text = JSON.stringify(validShape(route, random));
    return { body: text.slice(0, Math.max(1, Math.floor(random() * (text.length - 1)))) };
  },
  malformedJson: (_route, random) => ({ body: pick(['{', '}', '{"a":}', "{'a':1}", '[1,2,', 'undefined', 'NaN', '{"a":1}}', '\u0000', '', ' ', '{"a":01}'], random) }),
  wrongType: (route, random) => {
    const shape = validShape(route, random);
    // sentAt accepts any finite number by design, so replacing it may still leave a valid batch.
    const field = pick(Object.keys(shape).filter((key) => key !== 'sentAt'), random);
    return { body: JSON.stringify({ ...shape, [field]: pick(WRONG_VALUES, random) }) };
  },
  missingField: (route, random) => {
    const shape = validShape(route, random);
    delete shape[pick(Object.keys(shape), random)];
    return { body: JSON.stringify(shape) };
  },
  wrongTopLevel: (_route, random) => ({ body: JSON.stringify(pick([null, 42, 'text', true, [null], [1, 2, 3]], random)) }),
  deeplyNestedArray: (_route, random) => ({ body: nested(1000 + Math.floor(random() * 100_000), '[', ']') }),
  deeplyNestedInField: (route, random) => {
    const { [pickKey(route, random)]: _replaced, ...rest } = validShape(route, random);
    const depth = 1000 + Math.floor(random() * 50_000);
    return { body: `{"nested":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},${JSON.stringify(rest).slice(1)}` };
  },
  deeplyNestedEventData: (_route, random) => {
    // A valid envelope whose event data nests deeper than any recording could: must not crash serialization.
    const depth = 5_000 + Math.floor(random() * 50_000);
    const data = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    return { body: `{"formatVersion":1,"sessionId":"fuzz-deep-${Math.floor(random() * 1e9)}","seq":0,"checksum":"00000000","sentAt":1,"events":[{"type":3,"timestamp":1,"data":${data}}]}` };
  },
  invalidGzip: (route, random) => {
    const gz = gzipSync(JSON.stringify(validShape(route, random)));
    const cut = gz.subarray(0, 2 + Math.floor(random() * (gz.length - 3)));
    return { body: random() < 0.5 ? cut : Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]), contentType: 'application/octet-stream' };
  },
  invalidUtf8: (route, random) => {
    const text = JSON.stringify(validShape(route, random));
    const at = text.indexOf('"', 2) + 1;
    return { body: Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]], random)), Buffer.from(text.slice(at))]) };
  },
  wrongContentType: (route, random) => ({ body: pick(['<xml/>', 'a=1&b=2', '--boundary\r\n'], random) + (route === '/api/ingest' ? '' : JSON.stringify(validShape(route, random))), contentType: pick(['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=boundary'], random) }),
  oversized: (route, random) => {
    const limit = route === '/api/ingest' ? MAX_BATCH_BYTES : route === '/api/import' ? 0 : 1024 * 1024;
    // Import accepts 200 MB by design; its oversized case is a huge string in a wrongly typed field instead.
    const size = limit ? limit + 1 + Math.floor(random() * 1024) : 2 * 1024 * 1024;
    return { body: JSON.stringify({ ...validShape(route, random), padding: 'x'.repeat(size), events: route === '/api/import' ? 'x'.repeat(size) : undefined }) };
  },
  gzipBomb: (route, random) => {
    if (route !== '/api/ingest') return MUTATIONS.wrongType!(route, random);
    return { body: gzipSync(Buffer.alloc(MAX_BATCH_BYTES + 1024 * 1024, 0x20)), contentType: 'application/octet-stream' };
  },
  hugeEventCount: (route, random) => {
    if (route !== '/api/ingest') return MUTATIONS.missingField!(route, random);
    const events = Array.from({ length: 5_001 }, () => ({ type: 3, data: {}, timestamp: 1 }));
    return { body: JSON.stringify({ ...validShape(route, random), events, checksum: checksumEvents(events as never) }) };
  },
  badChecksum: (route, random) => ({ body: JSON.stringify({ ...validShape(route, random), checksum: 'deadbeef' }) }),
  prototypePollution: (route, random) => ({ body: `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(validShape(route, random)).slice(1).replace(/"\w+":[^,]*,/, '')}` }),
};

/** Costly cases (megabytes each) are drawn rarely so the default run stays quick. */
const RARE = new Set(['oversized', 'gzipBomb', 'hugeEventCount', 'deeplyNestedArray', 'deeplyNestedInField', 'deeplyNestedEventData']);

export function* generateFuzzCases(seed: number, count: number, random: () => number): Generator<FuzzCase> {
  const common = Object.keys(MUTATIONS).filter((kind) => !RARE.has(kind));
  const rare = [...RARE];
  for (let index = 0; index < count; index++) {
    const route = FUZZ_ROUTES[index % FUZZ_ROUTES.length]!;
    // Every (route, rare kind) pair appears in the first rounds, whatever the count and seed.
    const kind = index < FUZZ_ROUTES.length * rare.length ? rare[Math.floor(index / FUZZ_ROUTES.length)]! : random() < 0.03 ? pick(rare, random) : pick(common, random);
    const { body, contentType } = MUTATIONS[kind]!(route, random);
    yield { route, kind: `${kind}#${seed}:${index}`, body: Buffer.isBuffer(body) ? body : Buffer.from(body), contentType: contentType ?? 'application/json' };
  }
}
