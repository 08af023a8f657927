// API tokens: 32 random bytes, base64url. Only their sha256 is stored, so a leaked database grants nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/index.js';

export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token for one project (or every project when projectId is null); returns the plaintext once. */
export async function createApiToken(store: Store, options: { projectId: string | null; name: string }): Promise<string> {
  const token = generateSecret();
  await store.putApiToken({ tokenHash: hashToken(token), projectId: options.projectId, name: options.name, createdAt: Date.now() });
  return token;
}
