// Password login into a cookie session with its own CSRF token.
import type { AuthSession, Store } from '../store/index.js';
import { generateSecret } from './apiTokens.js';
import { AuthError } from './authError.js';
import { SESSION_TTL_MS } from './cookies.js';
import { verifyPassword } from './passwords.js';

export async function login(store: Store, username: string, password: string): Promise<AuthSession> {
  const user = await store.getUser(username);
  // Verify against a dummy hash for unknown users too, so response time does not reveal which names exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) throw new AuthError('INVALID_CREDENTIALS', 'Sign-in failed: unknown user or wrong password.');
  const now = Date.now();
  const session: AuthSession = { id: generateSecret(), username, csrfToken: generateSecret(), createdAt: now, expiresAt: now + SESSION_TTL_MS };
  await store.putAuthSession(session);
  return session;
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
