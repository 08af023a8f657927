import type { ReplayResult } from '../../protocol/index.js';
import { replaySession, toTrajectory } from '../../replayer/index.js';
import { analyzeSession } from '../analysis/index.js';
import { loadAnalysisHistory, rememberSessionNoise } from '../tickets/index.js';
import type { ReplayJob } from '../jobs/index.js';
import type { Store } from '../store/index.js';
import type { Logger } from 'pino';
import type { BrowserPool } from './browserPool.js';
import { blobLoader, blobSaver } from './blobSaver.js';
import { confirmDivergences } from './confirmDivergences.js';

/**
 * One session of one run: replay it on the baseline twice (the A/A pair that tells noise apart) and on the
 * candidate once, concurrently in three contexts of the shared browser, then compare and predict. The result is
 * written once per (run, session), so a retried job overwrites instead of duplicating.
 */
export async function replaySessionJob(deps: { store: Store; logger: Logger; browsers: BrowserPool }, job: ReplayJob): Promise<void> {
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
  // Once earlier A/A runs taught this session's noise, the repeat is skipped (docs/divergence-taxonomy.md, Noise).
  const history = await loadAnalysisHistory(store, job.projectId, job.sessionId);
  const [baseline, baselineRepeat, candidate] = await Promise.all([
    replay(run.baseline.url),
    history.replayBaselineTwice ? replay(run.baseline.url) : Promise.resolve(undefined),
    replay(run.candidate.url),
  ]);
  if (!browser.isConnected()) throw new Error(`The browser crashed while replaying session ${job.sessionId}; the job will be retried.`);

  const analyze = (candidateReplay: ReplayResult, baselineReplay = baseline) =>
    analyzeSession({
      sessionId: job.sessionId,
      userId: session?.userId,
      baseline: baselineReplay,
      baselineRepeat,
      candidate: candidateReplay,
      loadBlob: blobLoader(store, job.projectId),
      saveBlob,
      model: history.model,
      ignore: history.ignore,
      knownNoise: history.knownNoise,
      context: { pageTicketRate: history.pageTicketRate },
    });
  // A flake can sit on either side: the confirmation replays both the baseline and the candidate again.
  const verdict = await confirmDivergences(await analyze(candidate), async () => {
    const [baselineAgain, candidateAgain] = await Promise.all([replay(run.baseline.url), replay(run.candidate.url)]);
    return analyze(candidateAgain, baselineAgain);
  });
  await rememberSessionNoise(store, job.projectId, job.runId, verdict, baselineRepeat !== undefined);
  const selectionReason = run.selection?.find((entry) => entry.sessionId === job.sessionId)?.reason;
  await store.putSessionResult(job.projectId, { runId: job.runId, sessionId: job.sessionId, verdict, baseline, baselineRepeat, candidate, selectionReason });
  deps.logger.debug({ runId: job.runId, sessionId: job.sessionId, status: verdict.status, steps: trajectory.steps.length }, 'session replayed');
}
