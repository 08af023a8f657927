// One pass over the structure of JSON text that has already parsed, for what ingest would otherwise get by
// walking or re-serializing the parsed value (issue #3: both were large shares of the ingest CPU): where one
// top-level member's value lies, so the recorder's own events text can be hashed, and how deep the text nests.
// Strings are skipped with indexOf and nothing is decoded.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export interface TextSpan {
  start: number;
  end: number;
}

export interface TopLevelScan {
  /**
   * Where the value of the key asked for lies; undefined when the key is absent or appears more than once
   * (JSON.parse keeps the last one: the scan refuses rather than guess).
   */
  span?: TextSpan;
  /** Arrays and objects nested in one another, the top-level object included: `{"a":[1]}` is 2. */
  maxDepth: number;
}

/**
 * Scans the top-level object of `json` for the member `key`. Keys nested inside values are never matched, and
 * keys written with escapes are compared decoded. Undefined when the top level is not an object. `json` must
 * already have parsed: malformed text gives no guarantee beyond not throwing.
 */
export function scanTopLevel(json: string, key: string): TopLevelScan | undefined {
  let index = skipSpace(json, 0);
  if (json.charCodeAt(index) !== OPEN_BRACE) return undefined;
  const depth = { max: 1 };
  let span: TextSpan | undefined;
  let duplicate = false;
  index = skipSpace(json, index + 1);
  while (index < json.length && json.charCodeAt(index) === QUOTE) {
    const keyEnd = endOfString(json, index);
    const memberKey = json.slice(index + 1, keyEnd - 1);
    const decodedKey = memberKey.includes('\\') ? (JSON.parse(json.slice(index, keyEnd)) as string) : memberKey;
    index = skipSpace(json, keyEnd);
    if (json.charCodeAt(index) !== COLON) return undefined;
    const start = skipSpace(json, index + 1);
    const end = endOfValue(json, start, depth);
    if (decodedKey === key) {
      duplicate = span !== undefined;
      span = { start, end };
    }
    index = skipSpace(json, end);
    if (json.charCodeAt(index) !== COMMA) break;
    index = skipSpace(json, index + 1);
  }
  if (json.charCodeAt(index) !== CLOSE_BRACE) return undefined;
  return { span: duplicate ? undefined : span, maxDepth: depth.max };
}

function skipSpace(json: string, index: number): number {
  let at = index;
  while (at < json.length) {
    const code = json.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
    at++;
  }
  return at;
}

/** `index` is at an opening quote; returns the index just past the closing one. */
function endOfString(json: string, index: number): number {
  let from = index + 1;
  for (;;) {
    const quote = json.indexOf('"', from);
    if (quote < 0) return json.length;
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The end of the value of a top-level member; raises `depth.max` to the deepest nesting seen in it. */
function endOfValue(json: string, index: number, depth: { max: number }): number {
  const first = json.charCodeAt(index);
  if (first === QUOTE) return endOfString(json, index);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return endOfScalar(json, index);
  // Inside the top-level object, so the value's own brackets start at depth 2.
  let level = 1;
  let deepest = level;
  let at = index;
  while (at < json.length) {
    const code = json.charCodeAt(at);
    if (code === QUOTE) {
      at = endOfString(json, at);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++level > deepest) deepest = level;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (--level === 1) break;
    }
    at++;
  }
  if (deepest > depth.max) depth.max = deepest;
  return Math.min(at + 1, json.length);
}

/** Numbers, true, false, null: they end at the first delimiter. */
function endOfScalar(json: string, index: number): number {
  let at = index;
  while (at < json.length) {
    const code = json.charCodeAt(at);
    if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) break;
    at++;
  }
  return at;
}
