// CORS for the recorder's cross-origin posts: the Origin is echoed only when the project allows it.
import type { Response } from 'express';
import type { Project } from '../store/index.js';
import { INGEST_KEY_HEADER } from '../../protocol/index.js';
import { HttpError } from './httpError.js';

export function isOriginAllowed(allowedOrigins: readonly string[], origin: string): boolean {
  return allowedOrigins.includes('*') || allowedOrigins.includes(origin.replace(/\/$/, ''));
}

export function setIngestCorsHeaders(res: Response, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', `content-type, content-encoding, ${INGEST_KEY_HEADER}`);
  res.setHeader('Access-Control-Max-Age', '600');
  // The recorder reads Retry-After on a 429 to back off as the server asks.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

/** Throws 403 when a browser origin posts to a project that does not list it. */
export function assertIngestOrigin(project: Project, origin: string | undefined): void {
  if (origin === undefined || isOriginAllowed(project.allowedOrigins, origin)) return;
  throw new HttpError(
    403,
    'ORIGIN_NOT_ALLOWED',
    `Origin ${origin} may not send recordings to project "${project.id}". Add it to the project's allowed origins (REPRISE_ALLOWED_ORIGINS for the default project).`,
  );
}
