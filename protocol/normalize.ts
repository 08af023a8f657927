// One place that strips what legitimately changes between runs, used by the replayer's observations, the
// diff, and test snapshots alike.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const LONG_HEX = /\b[0-9a-f]{16,}\b/gi;
const NUMERIC_SEGMENT = /^\d+$/;
const ID_LIKE_SEGMENT = /^(?=.*\d)[A-Za-z0-9_-]{12,}$/;

/** `/product/42?b=2&a=1` -> `/product/:id?a=&b=`: ids become placeholders, query values are dropped, keys sorted. */
export function normalizePath(pathWithQuery: string): string {
  const [rawPath, rawQuery = ''] = pathWithQuery.split('#')[0].split('?');
  const path = rawPath
    .split('/')
    .map((segment) => (NUMERIC_SEGMENT.test(segment) || ID_LIKE_SEGMENT.test(segment) ? ':id' : segment.replace(UUID, ':uuid')))
    .join('/');
  const keys = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => decodeSafe(pair.split('=')[0]))
    .sort();
  return keys.length ? `${path}?${keys.map((key) => `${key}=`).join('&')}` : path;
}

/** Route pattern of a page URL (no query): `/product/42` -> `/product/:id`. */
export function routePattern(pathWithQuery: string): string {
  return normalizePath(pathWithQuery.split('?')[0]);
}

/** Path, search and hash of a URL, whatever its origin. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return url;
  }
}

const TIME_LIKE = /\b\d{1,2}:\d{2}(:\d{2})?(\s?[AP]M)?\b/g;
const DATE_LIKE = /\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g;

/** Visible text with volatile parts (times, dates, uuids, long hex ids) replaced and whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .replace(UUID, '<uuid>')
    .replace(LONG_HEX, '<hex>')
    .replace(DATE_LIKE, '<date>')
    .replace(TIME_LIKE, '<time>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a JSON value into a type skeleton: `{"items":[{"id":1}]}` -> `{items:[{id:number}]}`. */
export function jsonShape(value: unknown, depth = 0): string {
  if (depth > 6) return '…';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `[${jsonShape(value[0], depth + 1)}]` : '[]';
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((key) => `${key}:${jsonShape((value as Record<string, unknown>)[key], depth + 1)}`).join(',')}}`;
  }
  return typeof value;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
