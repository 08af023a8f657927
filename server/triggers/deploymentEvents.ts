// Payloads of the deploy webhooks Reprise accepts, reduced to one DeploymentEvent. docs/webhooks.md shows each.
import { z } from 'zod';
import { describeZodError } from '../../protocol/index.js';
import type { Deployment } from '../store/index.js';
import { TriggerError } from './triggerError.js';

export type DeploymentEvent = Pick<Deployment, 'url' | 'commit' | 'environment' | 'branch' | 'pullRequest' | 'source'> & {
  /** Epoch ms per the sender; the receive time when it does not say. */
  deployedAt?: number;
};

const pullRequestSchema = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);
const httpUrl = z.url({ protocol: /^https?$/ });

/** `POST /api/deployments`. */
export const genericDeploymentSchema = z.object({
  project: z.string().min(1),
  environment: z.string().min(1),
  url: httpUrl,
  commit: z.string().optional(),
  branch: z.string().optional(),
  pullRequest: pullRequestSchema.optional(),
  /** Epoch ms or ISO time of the deployment. */
  deployedAt: z.union([z.number(), z.iso.datetime({ offset: true })]).optional(),
});

export function parseGenericDeployment(body: unknown): { project: string; event: DeploymentEvent } {
  const parsed = genericDeploymentSchema.safeParse(body);
  if (!parsed.success) throw invalidPayload('POST /api/deployments', describeZodError(parsed.error));
  const { project, deployedAt, commit, ...rest } = parsed.data;
  return { project, event: { ...rest, commit: commit ?? '', environment: rest.environment.toLowerCase(), deployedAt: toEpoch(deployedAt), source: 'generic' } };
}

const githubDeploymentStatusSchema = z.object({
  deployment_status: z.object({
    state: z.string(),
    environment: z.string().optional(),
    environment_url: z.string().optional().nullable(),
    target_url: z.string().optional().nullable(),
    created_at: z.string().optional(),
  }),
  deployment: z.object({
    sha: z.string(),
    ref: z.string().optional(),
    environment: z.string(),
    created_at: z.string().optional(),
    payload: z.unknown().optional(),
  }),
});

/** GitHub `deployment_status`; undefined for states other than `success` (pending, in_progress, failure…). */
export function parseGithubDeploymentStatus(body: unknown): DeploymentEvent | undefined {
  const parsed = githubDeploymentStatusSchema.safeParse(body);
  if (!parsed.success) throw invalidPayload('the GitHub deployment_status event', describeZodError(parsed.error));
  const { deployment_status: status, deployment } = parsed.data;
  if (status.state !== 'success') return undefined;
  const url = httpUrl.safeParse(status.environment_url || status.target_url);
  if (!url.success) throw invalidPayload('the GitHub deployment_status event', 'deployment_status has no http(s) environment_url or target_url to replay against');
  const payload = (deployment.payload ?? {}) as { pull_request?: unknown; pr?: unknown };
  const pullRequest = pullRequestSchema.safeParse(payload.pull_request ?? payload.pr);
  return {
    url: url.data,
    commit: deployment.sha,
    environment: (status.environment ?? deployment.environment).toLowerCase(),
    branch: deployment.ref,
    pullRequest: pullRequest.success ? pullRequest.data : pullRequestFromRef(deployment.ref),
    deployedAt: toEpoch(deployment.created_at),
    source: 'github',
  };
}

const vercelSchema = z.object({
  type: z.string(),
  createdAt: z.number().optional(),
  payload: z.object({
    url: z.string().optional(),
    target: z.string().nullable().optional(),
    deployment: z.object({
      url: z.string().optional(),
      meta: z.record(z.string(), z.unknown()).optional(),
    }).optional(),
  }),
});

/** Vercel `deployment.succeeded`; undefined for other event types. */
export function parseVercelDeployment(body: unknown): DeploymentEvent | undefined {
  const parsed = vercelSchema.safeParse(body);
  if (!parsed.success) throw invalidPayload('the Vercel webhook', describeZodError(parsed.error));
  if (parsed.data.type !== 'deployment.succeeded') return undefined;
  const { payload } = parsed.data;
  const host = payload.deployment?.url ?? payload.url;
  if (!host) throw invalidPayload('the Vercel webhook', 'payload.deployment.url is missing');
  const meta = payload.deployment?.meta ?? {};
  const pullRequest = pullRequestSchema.safeParse(meta.githubPrId);
  return {
    url: host.startsWith('http') ? host : `https://${host}`,
    commit: typeof meta.githubCommitSha === 'string' ? meta.githubCommitSha : '',
    environment: payload.target === 'production' ? 'production' : 'preview',
    branch: typeof meta.githubCommitRef === 'string' ? meta.githubCommitRef : undefined,
    pullRequest: pullRequest.success ? pullRequest.data : undefined,
    deployedAt: parsed.data.createdAt,
    source: 'vercel',
  };
}

/** `refs/pull/12/head` and `pull/12/merge` name a pull request. */
function pullRequestFromRef(ref: string | undefined): number | undefined {
  const match = ref?.match(/(?:^|\/)pull\/(\d+)\//);
  return match ? Number(match[1]) : undefined;
}

function toEpoch(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const epoch = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(epoch) ? epoch : undefined;
}

function invalidPayload(what: string, why: string): TriggerError {
  return new TriggerError('INVALID_DEPLOYMENT', `Cannot accept ${what}: ${why}. See docs/webhooks.md for the expected payload.`, 400);
}
