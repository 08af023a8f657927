// POST /api/import: an rrweb event array, or {sessionId?, events}. Used by `reprise import FILE`.
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { describeZodError, recordedEventSchema, type RecordedEvent } from '../../protocol/index.js';
import type { Store } from '../store/index.js';
import { HttpError } from './httpError.js';
import { importRrwebEvents } from './importRrwebEvents.js';
import { assertJsonDepth } from './jsonDepth.js';
import { projectOf } from './sessionRoutes.js';

const IMPORT_LIMIT = '200mb';
const eventsSchema = z.array(recordedEventSchema).min(1);
const importSchema = z.union([
  eventsSchema,
  z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'sessionId must be 8-64 letters, digits, "_" or "-"').optional(), events: eventsSchema }),
]);

export function importRoutes(store: Store, requireProject: RequestHandler): Router {
  const router = Router();
  router.post('/api/import', requireProject, express.json({ limit: IMPORT_LIMIT, type: () => true }), async (req, res) => {
    assertJsonDepth(req.body, 'import');
    const parsed = importSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, 'INVALID_IMPORT', `Invalid import: ${describeZodError(parsed.error)}. Send an rrweb event array or {sessionId?, events}.`);
    const { events, sessionId } = Array.isArray(parsed.data) ? { events: parsed.data, sessionId: undefined } : parsed.data;
    const summary = await importRrwebEvents(store, projectOf(res).id, events as RecordedEvent[], sessionId);
    res.status(201).json(summary);
  });
  return router;
}
