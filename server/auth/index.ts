// Public surface of server authentication.
export { createApiToken, generateSecret, hashToken } from './apiTokens.js';
export { AuthError, type AuthErrorCode } from './authError.js';
export { ADMIN_USERNAME, bootstrapAuth } from './bootstrapAuth.js';
export { readCookie, SESSION_COOKIE, SESSION_TTL_MS, sessionCookie } from './cookies.js';
export { login } from './loginSessions.js';
export { CSRF_HEADER, PROJECT_HEADER, createAuthGuards, type AuthGuards } from './middleware.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { canAccessProject, describePrincipal, type Principal } from './principal.js';
export { resolvePrincipal, type Credentials } from './resolvePrincipal.js';
