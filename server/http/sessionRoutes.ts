// Session query API: list with filters, one summary, its events (streamed), privacy deletion.
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { describeZodError } from '../../protocol/index.js';
import type { Project, SessionFilter, Store } from '../store/index.js';
import { HttpError } from './httpError.js';

const MAX_PAGE_SIZE = 200;
const EVENTS_PER_WRITE = 500;

const timeParam = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime().transform((text) => Date.parse(text))]);
const flagParam = z.enum(['true', 'false']).transform((value) => value === 'true');

const listQuerySchema = z.object({
  from: timeParam.optional(),
  to: timeParam.optional(),
  url: z.string().max(500).optional(),
  user: z.string().max(200).optional(),
  hasErrors: flagParam.optional(),
  hasFailedRequests: flagParam.optional(),
  appVersion: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional(),
});

export function sessionRoutes(store: Store, requireProject: RequestHandler): Router {
  const router = Router();

  router.get('/api/sessions', requireProject, async (req, res) => {
    const query = listQuerySchema.safeParse(flatQuery(req.query));
    if (!query.success) throw new HttpError(400, 'INVALID_QUERY', `Invalid session query: ${describeZodError(query.error)}.`);
    const { limit, cursor, user, ...rest } = query.data;
    const filter: SessionFilter = { ...rest, userId: user };
    res.json(await store.listSessions(projectOf(res).id, filter, limit, cursor));
  });

  router.get('/api/sessions/:id', requireProject, async (req, res) => {
    res.json(await sessionOrThrow(store, projectOf(res), String(req.params.id)));
  });

  router.get('/api/sessions/:id/events', requireProject, async (req, res) => {
    const project = projectOf(res);
    const sessionId = String(req.params.id);
    await sessionOrThrow(store, project, sessionId);
    const events = await store.readEvents(project.id, sessionId);
    // Written in slices: a long session is tens of megabytes of JSON, never built as one string.
    res.type('application/json');
    res.write('[');
    for (let start = 0; start < events.length; start += EVENTS_PER_WRITE) {
      const slice = events.slice(start, start + EVENTS_PER_WRITE).map((event) => JSON.stringify(event)).join(',');
      if (!res.write(start ? `,${slice}` : slice)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end(']');
  });

  router.delete('/api/sessions', requireProject, async (req, res) => {
    const userId = typeof req.query.user === 'string' ? req.query.user : '';
    if (!userId) throw new HttpError(400, 'USER_REQUIRED', 'Name the user whose sessions to delete: DELETE /api/sessions?user=USER_ID.');
    res.json({ deleted: await store.deleteSessions(projectOf(res).id, { userId }) });
  });

  return router;
}

export function projectOf(res: Response): Project {
  return res.locals.project as Project;
}

async function sessionOrThrow(store: Store, project: Project, sessionId: string) {
  const session = await store.getSession(project.id, sessionId);
  if (!session) throw new HttpError(404, 'SESSION_NOT_FOUND', `No session "${sessionId}" in project "${project.id}": it may have been deleted by retention or a privacy request.`);
  return session;
}

function flatQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
