// What happens to one accepted deployment: record it once, supersede older runs of the same pull request, and
// replay the selected sessions against it with the project's baseline as the base.
import type { Logger } from 'pino';
import type { CreateRunRequest } from '../../protocol/index.js';
import type { Deployment, Project, Store, StoredRun } from '../store/index.js';
import { assertTargetAllowed } from '../runs/targetPolicy.js';
import type { DeploymentEvent } from './deploymentEvents.js';
import { BASELINE_ENVIRONMENTS, resolveBaseline } from './resolveBaseline.js';
import { TriggerError } from './triggerError.js';

/** The part of the run service triggers need. */
export interface RunStarter {
  startRun(project: Project, request: CreateRunRequest): Promise<StoredRun>;
  cancelRun(projectId: string, runId: string): Promise<StoredRun | undefined>;
}

export interface TriggerDeps {
  store: Store;
  runs: RunStarter;
  logger: Logger;
  now?: () => number;
}

export type DeploymentOutcome =
  | { action: 'started'; runId: string; baseline: string; cancelledRunIds: string[] }
  /** The same (url, commit) was already received: no second run. */
  | { action: 'duplicate'; runId?: string }
  /** A production/staging deployment: recorded as the base of later runs. */
  | { action: 'baseline-recorded' }
  /** A newer deployment of the same pull request was already received. */
  | { action: 'superseded'; by: string };

const ACTIVE = new Set(['queued', 'running']);

export async function acceptDeployment(deps: TriggerDeps, project: Project, event: DeploymentEvent): Promise<DeploymentOutcome> {
  const { store, logger } = deps;
  const receivedAt = (deps.now ?? Date.now)();
  const deployment: Deployment = { projectId: project.id, ...event, deployedAt: event.deployedAt ?? receivedAt, receivedAt };
  if (BASELINE_ENVIRONMENTS.includes(deployment.environment)) {
    const stored = await store.putDeployment({ ...deployment, note: 'baseline environment: recorded as the base of later runs' });
    return stored ? { action: 'baseline-recorded' } : { action: 'duplicate' };
  }

  // Refuse before recording, so that a sender retrying after the project is fixed is not taken for a duplicate.
  assertTargetAllowed(project, deployment.url, 'candidate');
  const baseline = await resolveBaseline(store, project);
  if (!baseline) {
    throw new TriggerError(
      'NO_BASELINE',
      `Cannot replay the deployment ${deployment.url}: project ${project.id} has no baseline. ` +
        `Set the project's baseline URL, or send a deployment with environment "production" or "staging" first.`,
      409,
    );
  }
  if (!(await store.putDeployment(deployment))) {
    const existing = (await store.listDeployments(project.id, { pullRequest: deployment.pullRequest }, 200))
      .find((other) => other.url === deployment.url && other.commit === deployment.commit);
    return { action: 'duplicate', runId: existing?.runId };
  }

  const cancelledRunIds: string[] = [];
  if (deployment.pullRequest !== undefined) {
    const siblings = (await store.listDeployments(project.id, { pullRequest: deployment.pullRequest }, 200))
      .filter((other) => other.url !== deployment.url || other.commit !== deployment.commit);
    const newer = siblings.find((other) => other.deployedAt > deployment.deployedAt);
    if (newer) {
      await store.putDeployment({ ...deployment, note: `superseded by ${newer.commit || newer.url}` }, { replace: true });
      logger.info({ url: deployment.url, pullRequest: deployment.pullRequest }, 'deployment arrived after a newer one of its pull request; not replayed');
      return { action: 'superseded', by: newer.commit || newer.url };
    }
    for (const older of siblings) {
      if (!older.runId) continue;
      const run = await store.getRun(project.id, older.runId);
      if (run && ACTIVE.has(run.status)) {
        await deps.runs.cancelRun(project.id, older.runId);
        cancelledRunIds.push(older.runId);
      }
    }
  }

  let run: StoredRun;
  try {
    run = await deps.runs.startRun(project, { baseline, candidate: deployment.url, trigger: 'webhook' });
  } catch (error) {
    await store.putDeployment({ ...deployment, note: `run not started: ${(error as Error).message}` }, { replace: true });
    throw error;
  }
  const candidate = { url: deployment.url, environment: deployment.environment, commit: deployment.commit || undefined, branch: deployment.branch, pullRequest: deployment.pullRequest };
  await store.updateRun(project.id, run.id, { candidate });
  await store.putDeployment({ ...deployment, runId: run.id }, { replace: true });
  logger.info({ runId: run.id, url: deployment.url, commit: deployment.commit, cancelled: cancelledRunIds }, 'deployment webhook started a run');
  return { action: 'started', runId: run.id, baseline, cancelledRunIds };
}
