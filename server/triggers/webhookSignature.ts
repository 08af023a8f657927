// Deployment webhooks replay a real browser against the URL they name, so only signed ones are accepted.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { TriggerError } from './triggerError.js';

export const REPRISE_SIGNATURE_HEADER = 'x-reprise-signature';
export const GITHUB_SIGNATURE_HEADER = 'x-hub-signature-256';
export const VERCEL_SIGNATURE_HEADER = 'x-vercel-signature';
/** A signed request older (or further in the future) than this is refused, so a captured one cannot be replayed. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

const hmacHex = (algorithm: 'sha256' | 'sha1', secret: string, data: Buffer | string) => createHmac(algorithm, secret).update(data).digest('hex');

/** The `x-reprise-signature` header value for `rawBody`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signDeploymentWebhook(secret: string, rawBody: Buffer | string, nowMs = Date.now()): string {
  const timestamp = Math.floor(nowMs / 1000);
  return `t=${timestamp},v1=${hmacHex('sha256', secret, Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(rawBody)]))}`;
}

export function verifyDeploymentSignature(secret: string, rawBody: Buffer, header: string | undefined, nowMs = Date.now()): void {
  if (!header) throw missing(REPRISE_SIGNATURE_HEADER, 'compute t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> with the webhook secret');
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp)) throw invalid(REPRISE_SIGNATURE_HEADER, 'it has no t=<unix seconds> part');
  const expected = hmacHex('sha256', secret, Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]));
  if (!sameHex(signature, expected)) throw invalid(REPRISE_SIGNATURE_HEADER, 'the HMAC does not match the body and the project\'s webhook secret');
  if (Math.abs(nowMs - timestamp * 1000) > MAX_SIGNATURE_AGE_MS) {
    throw new TriggerError(
      'SIGNATURE_STALE',
      `Refusing the deployment webhook: its signature timestamp ${timestamp} is more than 5 minutes from the server's clock, so it is replayed or stale. Sign each request when sending it (and check the sender's clock).`,
      401,
    );
  }
}

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function verifyGithubSignature(secret: string, rawBody: Buffer, header: string | undefined): void {
  if (!header) throw missing(GITHUB_SIGNATURE_HEADER, 'set the webhook secret in the GitHub webhook settings');
  const signature = header.startsWith('sha256=') ? header.slice('sha256='.length) : '';
  if (!sameHex(signature, hmacHex('sha256', secret, rawBody))) throw invalid(GITHUB_SIGNATURE_HEADER, 'the HMAC does not match the body and the project\'s webhook secret');
}

/** Vercel: `x-vercel-signature: <hex HMAC-SHA1 of the raw body>`. */
export function verifyVercelSignature(secret: string, rawBody: Buffer, header: string | undefined): void {
  if (!header) throw missing(VERCEL_SIGNATURE_HEADER, 'use the project\'s webhook secret as the Vercel webhook secret');
  if (!sameHex(header, hmacHex('sha1', secret, rawBody))) throw invalid(VERCEL_SIGNATURE_HEADER, 'the HMAC does not match the body and the project\'s webhook secret');
}

export function githubSignature(secret: string, rawBody: Buffer | string): string {
  return `sha256=${hmacHex('sha256', secret, rawBody)}`;
}

export function vercelSignature(secret: string, rawBody: Buffer | string): string {
  return hmacHex('sha1', secret, rawBody);
}

function sameHex(sent: string, expected: string): boolean {
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function missing(header: string, how: string): TriggerError {
  return new TriggerError('SIGNATURE_MISSING', `Refusing the deployment webhook: the ${header} header is missing. Sign the request: ${how}.`, 401);
}

function invalid(header: string, why: string): TriggerError {
  return new TriggerError('SIGNATURE_INVALID', `Refusing the deployment webhook: the ${header} signature is wrong (${why}). Check the secret the sender uses.`, 401);
}
