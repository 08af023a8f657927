import type { ReplayResult } from '../../protocol/index.js';
import { replaySession, toTrajectory } from '../../replayer/index.js';
import { analyzeSession, defaultModel, type ModelState } from '../analysis/index.js';
import type { ReplayJob } from './jobQueue.js';
import type { RunServiceDeps } from './runService.js';
import { blobLoader, blobSaver } from './blobSaver.js';

/**
 * One session of one run: replay it on the baseline twice (the A/A pair that tells noise apart) and on the
 * candidate once, concurrently in three contexts of the shared browser, then compare and predict. The result is
 * written once per (run, session), so a retried job overwrites instead of duplicating.
 */
export async function replaySessionJob(deps: RunServiceDeps, job: ReplayJob): Promise<void> {
  const { store } = deps;
  const run = await store.getRun(job.projectId, job.runId);
  if (!run || run.status === 'cancelled') return;
  const events = await store.readEvents(job.projectId, job.sessionId);
  const session = await store.getSession(job.projectId, job.sessionId);
  const trajectory = toTrajectory(job.sessionId, events);
  const saveBlob = blobSaver(store, job.projectId, job.sessionId);
  const browser = await deps.browsers.get();

  const fixtures = (await store.getProject(job.projectId))?.replayFixtures;
  const replay = (target: string): Promise<ReplayResult> => replaySession({ browser, trajectory, target, saveBlob, fixtures });
  const [baseline, baselineRepeat, candidate] = await Promise.all([
    replay(run.baseline.url),
    replay(run.baseline.url),
    replay(run.candidate.url),
  ]);
  if (!browser.isConnected()) throw new Error(`The browser crashed while replaying session ${job.sessionId}; the job will be retried.`);

  const model = ((await store.getModelState(job.projectId)) as ModelState | undefined) ?? defaultModel();
  const verdict = await analyzeSession({
    sessionId: job.sessionId,
    userId: session?.userId,
    baseline,
    baselineRepeat,
    candidate,
    loadBlob: blobLoader(store, job.projectId),
    saveBlob,
    model,
  });
  const selectionReason = run.selection?.find((entry) => entry.sessionId === job.sessionId)?.reason;
  await store.putSessionResult(job.projectId, { runId: job.runId, sessionId: job.sessionId, verdict, baseline, baselineRepeat, candidate, selectionReason });
  deps.logger.debug({ runId: job.runId, sessionId: job.sessionId, status: verdict.status, steps: trajectory.steps.length }, 'session replayed');
}
