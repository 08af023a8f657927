// Finds the principal behind a request or socket handshake: a Bearer API token, else the session cookie.
import type { Store } from '../store/index.js';
import { hashToken } from './apiTokens.js';
import { AuthError } from './authError.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import type { Principal } from './principal.js';

export interface Credentials {
  authorization?: string;
  cookie?: string;
}

export async function resolvePrincipal(store: Store, credentials: Credentials): Promise<Principal | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer) return principalOfToken(store, bearer);
  const sessionId = readCookie(credentials.cookie, SESSION_COOKIE);
  if (!sessionId) return undefined;
  const session = await store.getAuthSession(sessionId);
  return session && { kind: 'user', username: session.username, sessionId: session.id, csrfToken: session.csrfToken };
}

async function principalOfToken(store: Store, token: string): Promise<Principal> {
  const stored = await store.getApiToken(hashToken(token));
  if (stored && !stored.revokedAt) return { kind: 'token', name: stored.name, projectId: stored.projectId };
  if (await store.getProjectByIngestKey(token)) {
    throw new AuthError(
      'INGEST_KEY_NOT_ALLOWED',
      'This is a project ingest key: it may only send recordings to POST /api/ingest. Use an API token (reprise token create) for other routes.',
    );
  }
  throw new AuthError('INVALID_TOKEN', 'The Bearer token is not a known API token. Check the token or create a new one.');
}
