// Sign-in, sign-out, who-am-I and the projects a principal may see.
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { describeZodError } from '../../protocol/index.js';
import { canAccessProject, describePrincipal, login, readCookie, SESSION_COOKIE, SESSION_TTL_MS, sessionCookie, type Principal } from '../auth/index.js';
import type { Store } from '../store/index.js';
import { HttpError } from './httpError.js';
import { RateLimiter } from './rateLimiter.js';

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) });
// Slows password guessing: 5 attempts per minute per client address, 10 at once.
const LOGIN_RATE_PER_SECOND = 5 / 60;
const LOGIN_BURST = 10;

export function authRoutes(store: Store, requireAuth: RequestHandler, options: { secureCookies: boolean }): Router {
  const router = Router();
  const loginLimiter = new RateLimiter(LOGIN_RATE_PER_SECOND, LOGIN_BURST);

  router.post('/api/auth/login', async (req, res) => {
    const decision = loginLimiter.take(req.ip ?? 'unknown');
    if (!decision.allowed) {
      throw new HttpError(429, 'RATE_LIMITED', `Too many sign-in attempts. Retry after ${decision.retryAfterSeconds}s.`, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    const body = loginSchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'INVALID_LOGIN', `Invalid sign-in request: ${describeZodError(body.error)}. Send {username, password}.`);
    const session = await login(store, body.data.username, body.data.password);
    res.setHeader('Set-Cookie', sessionCookie(session.id, { secure: options.secureCookies, maxAgeMs: SESSION_TTL_MS }));
    res.json({ user: { username: session.username }, csrfToken: session.csrfToken });
  });

  // No CSRF check: signing someone out is harmless, and a stale tab must always be able to sign out.
  router.post('/api/auth/logout', async (req, res) => {
    const sessionId = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (sessionId) await store.deleteAuthSession(sessionId);
    res.setHeader('Set-Cookie', sessionCookie('', { secure: options.secureCookies, maxAgeMs: 0 }));
    res.json({ ok: true });
  });

  router.get('/api/auth/me', requireAuth, async (_req, res) => {
    const principal = res.locals.principal as Principal;
    res.json({
      principal: describePrincipal(principal),
      csrfToken: principal.kind === 'user' ? principal.csrfToken : undefined,
      projects: await visibleProjects(store, principal),
    });
  });

  router.get('/api/projects', requireAuth, async (_req, res) => {
    res.json(await visibleProjects(store, res.locals.principal as Principal));
  });

  return router;
}

async function visibleProjects(store: Store, principal: Principal) {
  return (await store.listProjects()).filter((project) => canAccessProject(principal, project.id));
}
