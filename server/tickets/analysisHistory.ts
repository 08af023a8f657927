// What earlier runs and labels know about a project, loaded for one session's analysis: the learned model, the
// project's ignore rules, the session's remembered noise, and per-page ticket rates. The run backend calls these.
import type { SessionVerdict } from '../../protocol/index.js';
import { defaultModel, noiseToRemember, pageTicketRates, readNoiseMemory, rescoreRun, type IgnoreRules, type ModelState } from '../analysis/index.js';
import type { Store } from '../store/index.js';

export interface AnalysisHistory {
  model: ModelState;
  ignore?: IgnoreRules;
  /** Pass as analyzeSession's knownNoise. */
  knownNoise: Set<string>;
  /** False once ≥ 2 earlier runs replayed this session's baseline twice: skip the A/A repeat. */
  replayBaselineTwice: boolean;
  pageTicketRate: (route: string) => number | undefined;
}

export async function loadAnalysisHistory(store: Store, projectId: string, sessionId: string): Promise<AnalysisHistory> {
  const [project, model, labels, noise] = await Promise.all([
    store.getProject(projectId),
    store.getModelState(projectId),
    store.listLabels(projectId),
    store.getNoiseSignatures(projectId, sessionId),
  ]);
  const memory = readNoiseMemory(noise);
  return {
    model: (model as ModelState | undefined) ?? defaultModel(),
    ...(project?.ignore ? { ignore: project.ignore } : {}),
    knownNoise: memory.knownNoise,
    replayBaselineTwice: memory.replayBaselineTwice,
    pageTicketRate: pageTicketRates(labels),
  };
}

/** Call after analyzeSession: keeps what the A/A pair called noise, per step, for later runs. */
export async function rememberSessionNoise(store: Store, projectId: string, runId: string, verdict: SessionVerdict, hadBaselineRepeat: boolean): Promise<void> {
  const signatures = noiseToRemember(verdict, runId, hadBaselineRepeat);
  if (signatures.length) await store.addNoiseSignatures(projectId, verdict.id, signatures);
}

/** Call at run finalization, before groupTickets: adds how many sessions share each divergence and page history. */
export async function rescoreStoredRun(store: Store, projectId: string, verdicts: SessionVerdict[]): Promise<SessionVerdict[]> {
  const [model, labels] = await Promise.all([store.getModelState(projectId), store.listLabels(projectId)]);
  return rescoreRun(verdicts, (model as ModelState | undefined) ?? defaultModel(), { pageTicketRate: pageTicketRates(labels) });
}
