// Start-up credentials: the admin token from config and the 'admin' dashboard user.
import type { Logger } from 'pino';
import type { ServerConfig } from '../config.js';
import type { Store } from '../store/index.js';
import { generateSecret, hashToken } from './apiTokens.js';
import { hashPassword } from './passwords.js';

export const ADMIN_USERNAME = 'admin';

export async function bootstrapAuth(store: Store, config: Pick<ServerConfig, 'adminToken' | 'adminPassword'>, logger: Logger): Promise<void> {
  if (config.adminToken) {
    await store.putApiToken({ tokenHash: hashToken(config.adminToken), projectId: null, name: 'admin (REPRISE_ADMIN_TOKEN)', createdAt: Date.now() });
  }
  if (config.adminPassword) {
    await store.putUser({ username: ADMIN_USERNAME, passwordHash: await hashPassword(config.adminPassword), createdAt: Date.now() });
    return;
  }
  if ((await store.countUsers()) > 0) return;
  const password = generateSecret(12);
  await store.putUser({ username: ADMIN_USERNAME, passwordHash: await hashPassword(password), createdAt: Date.now() });
  // Printed once: the hash is all that is kept. Set REPRISE_ADMIN_PASSWORD to choose it instead.
  logger.warn({ username: ADMIN_USERNAME, password }, 'Created dashboard user "admin" with a random password (shown only now); set REPRISE_ADMIN_PASSWORD to choose one');
}
