// Rate limit of the API per credential: each API token, login session or ingest-key misuse gets its own bucket,
// so one noisy CI job cannot starve the dashboard. Requests without credentials share a bucket per address.
import type { RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { readCookie, SESSION_COOKIE } from '../auth/index.js';
import type { ServerConfig } from '../config.js';
import { HttpError } from './httpError.js';
import { RateLimiter } from './rateLimiter.js';

export const DEFAULT_API_RATE_PER_SECOND = 50;
export const DEFAULT_API_BURST = 200;

export function apiRateLimit(config: Pick<ServerConfig, 'apiRatePerSecond' | 'apiBurst'>): RequestHandler {
  const ratePerSecond = config.apiRatePerSecond ?? DEFAULT_API_RATE_PER_SECOND;
  const limiter = new RateLimiter(ratePerSecond, config.apiBurst ?? DEFAULT_API_BURST);
  return (req, res, next) => {
    const decision = limiter.take(credentialKey(req.get('authorization'), req.get('cookie'), req.ip));
    if (decision.allowed) return next();
    const retryAfter = String(decision.retryAfterSeconds);
    throw new HttpError(429, 'RATE_LIMITED', `Too many API requests with this credential (more than ${ratePerSecond}/s sustained). Retry after ${retryAfter}s.`, { 'Retry-After': retryAfter });
  };
}

function credentialKey(authorization: string | undefined, cookie: string | undefined, ip: string | undefined): string {
  // Hashed so that the limiter's memory never holds a usable credential.
  const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
  if (authorization) return `auth:${hash(authorization)}`;
  const session = readCookie(cookie, SESSION_COOKIE);
  return session ? `session:${hash(session)}` : `ip:${ip ?? 'unknown'}`;
}
