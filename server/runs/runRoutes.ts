// HTTP adapters for runs, triage and export: validate, call one domain function, return its result.
// Express 5 passes a rejected handler to the error handler, which answers RunError and StoreError with their
// status and code: handlers here only validate, call the domain, and answer.
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { createRunRequestSchema, describeZodError, EventType, triageRequestSchema, type RunSummary } from '../../protocol/index.js';
import { exportPlaywrightTest, toTrajectory } from '../../replayer/index.js';
import type { Project, Store, StoredRun } from '../store/index.js';
import { RunError } from './runErrors.js';
import type { RunService } from './runService.js';
import { recordTriage } from './triage.js';

export interface RunRouteDeps {
  store: Store;
  logger: Logger;
  runs: RunService;
  requireProject: RequestHandler;
  requireCsrf: RequestHandler;
}

export function mountRunRoutes(app: Express, deps: RunRouteDeps): void {
  const { store, requireProject, requireCsrf } = deps;
  const projectOf = (res: Response) => res.locals.project as Project;

  app.post('/api/runs', requireProject, requireCsrf, async (req: Request, res: Response) => {
    const parsed = createRunRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'INVALID_RUN_REQUEST', `Invalid run request: ${describeZodError(parsed.error)}`);
    const run = await deps.runs.startRun(projectOf(res), parsed.data);
    res.status(201).json(summaryOf(run));
  });

  app.get('/api/runs', requireProject, async (req: Request, res: Response) => {
    const limit = Math.min(Math.max(Number(req.query.limit) || 50, 1), 200);
    const cursor = typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
    const page = await store.listRuns(projectOf(res).id, limit, cursor);
    res.json({ ...page, items: page.items.map(summaryOf) });
  });

  app.get('/api/runs/:runId', requireProject, async (req: Request, res: Response) => {
    res.json(await findRun(store, projectOf(res), String(req.params.runId)));
  });

  app.get('/api/runs/:runId/report', requireProject, async (req: Request, res: Response) => {
    const run = await findRun(store, projectOf(res), String(req.params.runId));
    if (!run.report) return sendError(res, 409, 'RUN_NOT_FINISHED', `Run ${run.id} is ${run.status}; its report exists once it has completed.`);
    res.json(run.report);
  });

  app.get('/api/runs/:runId/sessions/:sessionId', requireProject, async (req: Request, res: Response) => {
    const result = await store.getSessionResult(projectOf(res).id, String(req.params.runId), String(req.params.sessionId));
    if (!result) return sendError(res, 404, 'RESULT_NOT_FOUND', `Run ${req.params.runId} has no result for session ${req.params.sessionId} (yet).`);
    res.json(result);
  });

  app.post('/api/triage', requireProject, requireCsrf, async (req: Request, res: Response) => {
    const parsed = triageRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'INVALID_TRIAGE', `Invalid triage: ${describeZodError(parsed.error)}`);
    res.status(201).json(await recordTriage(store, projectOf(res), parsed.data));
  });

  app.get('/api/sessions/:sessionId/export', requireProject, async (req: Request, res: Response) => {
    const format = req.query.format ?? 'playwright';
    if (format !== 'playwright') return sendError(res, 400, 'UNKNOWN_FORMAT', `Unknown export format "${format}"; the supported format is "playwright".`);
    const sessionId = String(req.params.sessionId);
    const events = await store.readEvents(projectOf(res).id, sessionId);
    if (!events.length) return sendError(res, 404, 'SESSION_NOT_FOUND', `Session ${sessionId} does not exist in this project.`);
    const trajectory = toTrajectory(sessionId, events);
    const baseUrl = typeof req.query.baseUrl === 'string' ? req.query.baseUrl : recordedOrigin(events);
    res.type('text/plain').attachment(`session-${sessionId}.spec.ts`).send(exportPlaywrightTest(trajectory, { baseUrl }));
  });
}

function sendError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

async function findRun(store: Store, project: Project, runId: string): Promise<StoredRun> {
  const run = await store.getRun(project.id, runId);
  if (!run) throw new RunError('RUN_NOT_FOUND', `Run ${runId} does not exist in project ${project.id}.`, 404);
  return run;
}

function summaryOf(run: StoredRun): RunSummary {
  const { report: _report, selection: _selection, ...summary } = run;
  return summary;
}

function recordedOrigin(events: { type: number; data: any }[]): string | undefined {
  const meta = events.find((event) => event.type === EventType.Meta && typeof event.data?.href === 'string');
  try {
    return meta ? new URL(meta.data.href).origin : undefined;
  } catch {
    return undefined;
  }
}
