// Express guards: requireAuth (any principal; CSRF on cookie writes), requireProject (adds the project the
// request names), requireCsrf (explicit CSRF check for routes mounted elsewhere).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/index.js';
import { AuthError } from './authError.js';
import { canAccessProject, type Principal } from './principal.js';
import { resolvePrincipal } from './resolvePrincipal.js';

export const PROJECT_HEADER = 'x-reprise-project';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthGuards {
  requireAuth: RequestHandler;
  requireProject: RequestHandler;
  requireCsrf: RequestHandler;
}

export function createAuthGuards(store: Store): AuthGuards {
  const requireCsrf: RequestHandler = (req, res, next) => {
    const principal = res.locals.principal as Principal | undefined;
    if (principal?.kind === 'user' && !SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER) ?? '';
      if (!sameSecret(sent, principal.csrfToken)) {
        throw new AuthError(
          'CSRF_TOKEN_INVALID',
          `Refusing ${req.method} ${req.path}: a cookie-authenticated write needs the ${CSRF_HEADER} header set to the csrfToken from GET /api/auth/me.`,
        );
      }
    }
    next();
  };

  const requireAuth: RequestHandler = async (req, res, next) => {
    if (!res.locals.principal) {
      const principal = await resolvePrincipal(store, { authorization: req.get('authorization'), cookie: req.get('cookie') });
      if (!principal) {
        throw new AuthError('UNAUTHENTICATED', 'Sign in (POST /api/auth/login) or send an API token as "Authorization: Bearer TOKEN".');
      }
      res.locals.principal = principal;
    }
    requireCsrf(req, res, next);
  };

  const requireProject: RequestHandler = async (req: Request, res: Response, next: NextFunction) => {
    await new Promise<void>((resolve, reject) => {
      const result = requireAuth(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
      if (result instanceof Promise) result.catch(reject);
    });
    const named = (typeof req.query.project === 'string' ? req.query.project : undefined) ?? req.get(PROJECT_HEADER);
    if (!named) throw new AuthError('PROJECT_REQUIRED', `Name the project with ?project=ID or the ${PROJECT_HEADER} header (its id or ingest key).`);
    const project = (await store.getProject(named)) ?? (await store.getProjectByIngestKey(named));
    if (!project) throw new AuthError('PROJECT_NOT_FOUND', `No project "${named}": check the id or ingest key (GET /api/projects lists yours).`);
    if (!canAccessProject(res.locals.principal as Principal, project.id)) {
      throw new AuthError('PROJECT_FORBIDDEN', `This API token belongs to another project and may not reach project "${project.id}".`);
    }
    res.locals.project = project;
    next();
  };

  return { requireAuth, requireProject, requireCsrf };
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
