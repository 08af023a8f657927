// HTTP adapters of deployment webhooks. They are authenticated by their signature, not by a token or cookie.
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Project } from '../store/index.js';
import { acceptDeployment, type DeploymentOutcome, type TriggerDeps } from './acceptDeployment.js';
import { parseGenericDeployment, parseGithubDeploymentStatus, parseVercelDeployment, type DeploymentEvent } from './deploymentEvents.js';
import { TriggerError } from './triggerError.js';
import {
  GITHUB_SIGNATURE_HEADER, REPRISE_SIGNATURE_HEADER, VERCEL_SIGNATURE_HEADER,
  verifyDeploymentSignature, verifyGithubSignature, verifyVercelSignature,
} from './webhookSignature.js';

export interface WebhookRouteDeps extends TriggerDeps {
  requireProject: RequestHandler;
}

export function webhookRoutes(deps: WebhookRouteDeps): Router {
  const router = Router();
  const now = () => (deps.now ?? Date.now)();

  router.post('/api/deployments', handle(async (req) => {
    // The signature is checked before the payload, so an unsigned sender learns nothing but that it must sign.
    const named = (req.body as { project?: unknown } | undefined)?.project;
    const project = await findProject(deps, typeof named === 'string' ? named : '');
    verifyDeploymentSignature(secretOf(project), rawBodyOf(req), req.get(REPRISE_SIGNATURE_HEADER), now());
    return acceptDeployment(deps, project, parseGenericDeployment(req.body).event);
  }));

  router.post('/api/webhooks/github', handle(async (req) => {
    const project = await findProject(deps, String(req.query.project ?? ''));
    verifyGithubSignature(secretOf(project), rawBodyOf(req), req.get(GITHUB_SIGNATURE_HEADER));
    const kind = req.get('x-github-event');
    if (kind !== 'deployment_status') return { action: 'ignored', reason: `the "${kind}" event does not report a deployment` };
    return acceptOrIgnore(project, parseGithubDeploymentStatus(req.body), 'the deployment status is not "success"');
  }));

  router.post('/api/webhooks/vercel', handle(async (req) => {
    const project = await findProject(deps, String(req.query.project ?? ''));
    verifyVercelSignature(secretOf(project), rawBodyOf(req), req.get(VERCEL_SIGNATURE_HEADER));
    return acceptOrIgnore(project, parseVercelDeployment(req.body), 'only deployment.succeeded starts a run');
  }));

  router.get('/api/deployments', deps.requireProject, (req, res, next) => {
    const project = res.locals.project as Project;
    const limit = Math.min(Math.max(Number(req.query.limit) || 50, 1), 200);
    deps.store.listDeployments(project.id, {}, limit).then((items) => res.json({ items }), next);
  });

  async function acceptOrIgnore(project: Project, event: DeploymentEvent | undefined, reason: string) {
    return event ? acceptDeployment(deps, project, event) : { action: 'ignored' as const, reason };
  }
  return router;
}

type Outcome = DeploymentOutcome | { action: 'ignored'; reason: string };

function handle(handler: (req: Request) => Promise<Outcome>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req).then(
      (outcome) => res.status(outcome.action === 'started' ? 201 : 200).json(outcome),
      (error: unknown) => {
        const known = error as { name?: string; code?: string; status?: number; message?: string };
        if ((known.name === 'TriggerError' || known.name === 'RunError') && known.status) {
          return res.status(known.status).json({ error: { code: known.code, message: known.message } });
        }
        next(error);
      },
    );
  };
}

async function findProject(deps: TriggerDeps, named: string): Promise<Project> {
  const project = named ? ((await deps.store.getProject(named)) ?? (await deps.store.getProjectByIngestKey(named))) : undefined;
  if (!project) {
    throw new TriggerError('PROJECT_NOT_FOUND', `Refusing the deployment webhook: no project "${named}". Name it by id or ingest key (in the body's "project", or ?project=ID for GitHub and Vercel).`, 404);
  }
  return project;
}

function secretOf(project: Project): string {
  if (!project.webhookSecret) {
    throw new TriggerError(
      'WEBHOOK_SECRET_UNSET',
      `Refusing the deployment webhook: project ${project.id} has no webhook secret, so no signature can be checked. Set REPRISE_WEBHOOK_SECRET (default project) or the project's webhook secret.`,
      401,
    );
  }
  return project.webhookSecret;
}

function rawBodyOf(req: Request): Buffer {
  const raw = (req as { rawBody?: Buffer }).rawBody;
  if (!raw) throw new TriggerError('INVALID_DEPLOYMENT', 'Cannot accept the deployment webhook: send the payload as JSON with "content-type: application/json".', 415);
  return raw;
}
