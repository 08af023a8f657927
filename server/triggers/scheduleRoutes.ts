// GET /api/schedules lists a project's schedules with their next run times; PUT replaces them.
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { describeZodError } from '../../protocol/index.js';
import type { Project, Store } from '../store/index.js';
import { assertTargetAllowed } from '../runs/targetPolicy.js';
import { assertValidCron } from './cronSchedule.js';
import type { Scheduler } from './scheduler.js';

const httpUrl = z.url({ protocol: /^https?$/ });
const schedulesSchema = z.object({
  schedules: z.array(z.object({ cron: z.string().min(1), baselineUrl: httpUrl.optional(), candidateUrl: httpUrl })).max(20),
});

export function scheduleRoutes(deps: { store: Store; scheduler: Scheduler; requireProject: RequestHandler; requireCsrf: RequestHandler }): Router {
  const router = Router();

  router.get('/api/schedules', deps.requireProject, (_req, res) => {
    res.json({ items: deps.scheduler.describe(res.locals.project as Project) });
  });

  router.put('/api/schedules', deps.requireProject, deps.requireCsrf, async (req, res, next) => {
    const parsed = schedulesSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'INVALID_SCHEDULE', message: `Invalid schedules: ${describeZodError(parsed.error)}` } });
      return;
    }
    const project = res.locals.project as Project;
    try {
      for (const schedule of parsed.data.schedules) {
        assertValidCron(schedule.cron);
        assertTargetAllowed(project, schedule.candidateUrl, 'candidate');
        if (schedule.baselineUrl) assertTargetAllowed(project, schedule.baselineUrl, 'baseline');
      }
    } catch (error) {
      const known = error as { code: string; status: number; message: string };
      res.status(known.status ?? 400).json({ error: { code: known.code, message: known.message } });
      return;
    }
    try {
      // Re-read so that a concurrent settings change is not overwritten with the copy the guard loaded.
      const current = (await deps.store.getProject(project.id)) ?? project;
      const updated = await deps.store.upsertProject({ ...current, schedules: parsed.data.schedules });
      res.json({ items: deps.scheduler.describe(updated) });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
