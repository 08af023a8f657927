// Minimal cookie handling for the one session cookie (no dependency on cookie-parser).
export const SESSION_COOKIE = 'reprise_session';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60_000;

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

export function sessionCookie(value: string, options: { secure: boolean; maxAgeMs: number }): string {
  const attributes = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.floor(options.maxAgeMs / 1000)}`];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
