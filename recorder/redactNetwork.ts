// What of a request may leave the browser: headers minus credentials, and only JSON/text bodies with secrets masked.

const DENIED_HEADERS = /^(authorization|cookie|set-cookie|proxy-authorization|x-csrf-token|x-api-key|x-reprise-key)$|token|secret|session/i;
const SECRET_KEYS = /pass|secret|token|card|cvv|cvc|ssn/i;
const MASK = '[masked]';

export function redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) if (!DENIED_HEADERS.test(name)) kept[name.toLowerCase()] = value;
  return kept;
}

/** Parses `a: b\r\n` lines as returned by XMLHttpRequest.getAllResponseHeaders(). */
export function parseHeaderLines(text: string): [string, string][] {
  return text
    .trim()
    .split(/[\r\n]+/)
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value && typeof value === 'object') {
    const masked: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) masked[key] = SECRET_KEYS.test(key) ? MASK : maskJson(inner);
    return masked;
  }
  return value;
}

export function isRecordableContentType(contentType: string | null | undefined): boolean {
  const type = (contentType || '').toLowerCase();
  return /json|^text\/(?!event-stream)|x-www-form-urlencoded|xml|graphql/.test(type);
}

/**
 * Masks secret keys in JSON and form-encoded bodies; other text is kept as is. Truncation happens after masking,
 * so a truncated body never reveals a secret the whole body would have masked.
 */
export function redactBody(body: string, contentType: string | null | undefined, maxBytes: number): string {
  let redacted = body;
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      redacted = JSON.stringify(maskJson(JSON.parse(body)));
    } catch {
      // Not JSON after all: keep the text.
    }
  } else if (/x-www-form-urlencoded/i.test(contentType || '') || /^[\w.%-]+=[^&]*(&[\w.%-]+=[^&]*)*$/.test(trimmed)) {
    const params = new URLSearchParams(body);
    for (const key of Array.from(params.keys())) if (SECRET_KEYS.test(key)) params.set(key, MASK);
    redacted = params.toString();
  }
  return redacted.length > maxBytes ? redacted.slice(0, maxBytes) : redacted;
}

/** Bodies the page passed to fetch/XHR that are text already; streams, blobs and FormData are not read. */
export function textOfRequestBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return undefined;
}
