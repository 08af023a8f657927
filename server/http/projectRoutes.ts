// Settings, API tokens, webhook secret and the model view of a project. Settings are for people and admin tokens:
// a project-scoped token is for scripts (runs, triage) and may not mint more tokens.
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { describeZodError, type CreatedApiToken, type EvaluationPoint, type ModelView } from '../../protocol/index.js';
import { defaultModel, readEvaluationHistory, withEvaluation } from '../analysis/index.js';
import { generateSecret, hashToken, type Principal } from '../auth/index.js';
import type { Project, Store } from '../store/index.js';
import { HttpError } from './httpError.js';
import { applySettingsPatch, settingsPatchSchema, settingsView } from './projectSettings.js';
import { projectOf } from './sessionRoutes.js';

const TOKEN_ID_LENGTH = 12;
const createTokenSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
const share = z.number().min(0).max(1);
const recordEvaluationSchema = z
  .object({ precision: share, recall: share, falseAlarmRate: share.optional(), cases: z.number().int().min(0).optional(), at: z.number().int().positive().optional() })
  .strict();

export function projectRoutes(store: Store, guards: { requireAuth: RequestHandler; requireProject: RequestHandler }): Router {
  const router = Router();

  const requireSettingsAccess: RequestHandler = async (req, res, next) => {
    const principal = res.locals.principal as Principal;
    if (principal.kind === 'token' && principal.projectId !== null) {
      throw new HttpError(403, 'SETTINGS_FORBIDDEN', `The API token "${principal.name}" is scoped to one project and may not change settings: sign in as a user or use an admin token.`);
    }
    const id = String(req.params.id);
    const project = await store.getProject(id);
    if (!project) throw new HttpError(404, 'PROJECT_NOT_FOUND', `No project "${id}": GET /api/projects lists the projects you can reach.`);
    res.locals.project = project;
    next();
  };
  const guarded = [guards.requireAuth, requireSettingsAccess];

  router.get('/api/projects/:id/settings', ...guarded, (_req, res) => {
    res.json(settingsView(projectOf(res)));
  });

  router.patch('/api/projects/:id/settings', ...guarded, async (req, res) => {
    const patch = settingsPatchSchema.safeParse(req.body ?? {});
    if (!patch.success) throw new HttpError(400, 'INVALID_SETTINGS', `Cannot save settings of project "${req.params.id}": ${describeZodError(patch.error)}.`);
    res.json(settingsView(await store.upsertProject(applySettingsPatch(projectOf(res), patch.data))));
  });

  router.post('/api/projects/:id/tokens', ...guarded, async (req, res) => {
    const body = createTokenSchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, 'INVALID_TOKEN_REQUEST', `Cannot create an API token: ${describeZodError(body.error)}. Send {"name": "what the token is for"}.`);
    const project = projectOf(res);
    const token = generateSecret();
    const tokenHash = hashToken(token);
    const info = { id: tokenHash.slice(0, TOKEN_ID_LENGTH), name: body.data.name, createdAt: Date.now() };
    await store.putApiToken({ tokenHash, projectId: project.id, name: info.name, createdAt: info.createdAt });
    await store.upsertProject({ ...project, apiTokens: [...(project.apiTokens ?? []), { ...info, tokenHash }] });
    const created: CreatedApiToken = { ...info, token };
    res.status(201).json(created);
  });

  router.delete('/api/projects/:id/tokens/:tokenId', ...guarded, async (req, res) => {
    const project = projectOf(res);
    const entry = project.apiTokens?.find((candidate) => candidate.id === req.params.tokenId);
    if (!entry) throw new HttpError(404, 'TOKEN_NOT_FOUND', `Project "${project.id}" has no API token "${req.params.tokenId}": it may already be revoked.`);
    const stored = await store.getApiToken(entry.tokenHash);
    if (stored) await store.putApiToken({ ...stored, revokedAt: Date.now() });
    await store.upsertProject({ ...project, apiTokens: project.apiTokens!.filter((candidate) => candidate !== entry) });
    res.json({ revoked: entry.id });
  });

  router.post('/api/projects/:id/webhook-secret', ...guarded, async (_req, res) => {
    const project: Project = { ...projectOf(res), webhookSecret: generateSecret() };
    await store.upsertProject(project);
    res.json({ webhookSecret: project.webhookSecret });
  });

  router.get('/api/model', guards.requireProject, async (_req, res: Response) => {
    const state = ((await store.getModelState(projectOf(res).id)) as ModelView | undefined) ?? defaultModel();
    const view: ModelView = {
      weights: state.weights,
      bias: state.bias,
      trainedOn: state.trainedOn,
      calibration: state.calibration,
      evaluationHistory: readEvaluationHistory(state),
    };
    res.json(view);
  });

  // `reprise eval --server` posts each benchmark result here, so the Model page can plot precision and recall.
  router.post('/api/model/evaluations', guards.requireProject, async (req, res: Response) => {
    const body = recordEvaluationSchema.safeParse(req.body ?? {});
    if (!body.success) {
      throw new HttpError(400, 'INVALID_EVALUATION', `Cannot record the evaluation: ${describeZodError(body.error)}. Send {"precision": 0..1, "recall": 0..1, "falseAlarmRate"?: 0..1, "cases"?: n}.`);
    }
    const projectId = projectOf(res).id;
    const point: EvaluationPoint = { source: 'benchmark', ...body.data, at: body.data.at ?? Date.now() };
    const state = (await store.getModelState(projectId)) ?? defaultModel();
    await store.putModelState(projectId, withEvaluation(state as object, point));
    res.status(201).json(point);
  });

  return router;
}
