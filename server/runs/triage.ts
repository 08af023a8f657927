import { randomUUID } from 'node:crypto';
import type { Divergence, TriageRequest } from '../../protocol/index.js';
import { defaultModel, evaluateOnLabels, featuresFromEvidence, refitModel, ticketSignature, withEvaluation, type ModelState } from '../analysis/index.js';
import type { Label, Project, Store } from '../store/index.js';
import { RunError } from './runErrors.js';

export interface TriageOutcome {
  label: Label;
  labelled: number;
  model: { trainedOn: number; brierScore?: number };
}

/**
 * Records a reviewer's decision as labels (one per divergence it covers, with the features the prediction used) and
 * refits the project's model from every label at once, so the next prediction already reflects it.
 */
export async function recordTriage(store: Store, project: Project, request: TriageRequest): Promise<TriageOutcome> {
  const targets = await divergencesCovered(store, project.id, request);
  if (!targets.length) {
    throw new RunError('RUN_NOT_FOUND', `Nothing to triage: run ${request.runId} has no matching divergence for session ${request.sessionId}${request.step === undefined ? '' : ` at step ${request.step}`}.`, 404);
  }
  const createdAt = Date.now();
  const labels: Label[] = targets.map(({ sessionId, divergence }) => ({
    id: randomUUID(),
    projectId: project.id,
    runId: request.runId,
    sessionId,
    step: divergence.step,
    kind: divergence.kind,
    ticketId: request.ticketId,
    decision: request.decision,
    comment: request.comment,
    features: featuresFromEvidence(divergence),
    route: routeOfDivergence(divergence),
    source: 'triage' as const,
    createdAt,
  }));
  for (const label of labels) await store.addLabel(label);
  const model = await refitProjectModel(store, project.id);
  return { label: labels[0], labelled: labels.length, model: { trainedOn: model.trainedOn, brierScore: model.calibration?.brierScore } };
}

/**
 * Refits the project's model from every label at once (triage decisions and linked customer tickets) and stores
 * it, so the next prediction already reflects them. Always from the prior, so the prior stays the anchor.
 */
export async function refitProjectModel(store: Store, projectId: string): Promise<ModelState> {
  const training = (await store.listLabels(projectId)).flatMap((label) => (label.features ? [{ features: label.features, decision: label.decision }] : []));
  const model: ModelState = refitModel(training, defaultModel());
  // The track record survives refits: carry the stored history over and add how the new fit does on its labels.
  const previous = await store.getModelState(projectId);
  const carried = { evaluationHistory: (previous as { evaluationHistory?: unknown } | undefined)?.evaluationHistory };
  const history = training.length ? withEvaluation(carried, evaluateOnLabels(training, model, Date.now())) : carried;
  await store.putModelState(projectId, { ...model, ...history });
  return model;
}

/** The route the user was on when the divergence happened: what pageTicketRate is keyed by. */
export function routeOfDivergence(divergence: Divergence): string | undefined {
  const route = divergence.evidence?.routeBefore ?? divergence.evidence?.route;
  return typeof route === 'string' && route ? route : undefined;
}

async function divergencesCovered(store: Store, projectId: string, request: TriageRequest): Promise<{ sessionId: string; divergence: Divergence }[]> {
  if (request.ticketId) {
    const run = await store.getRun(projectId, request.runId);
    const ticket = run?.report?.tickets.find((candidate) => candidate.id === request.ticketId);
    if (!ticket) throw new RunError('RUN_NOT_FOUND', `Run ${request.runId} has no predicted ticket ${request.ticketId}.`, 404);
    const covered: { sessionId: string; divergence: Divergence }[] = [];
    for (const sessionId of ticket.sessionIds) {
      const result = await store.getSessionResult(projectId, request.runId, sessionId);
      for (const divergence of result?.verdict.divergences ?? []) {
        if (!divergence.noise && ticketSignature(divergence) === ticket.signature) covered.push({ sessionId, divergence });
      }
    }
    return covered;
  }
  const result = await store.getSessionResult(projectId, request.runId, request.sessionId);
  if (!result) throw new RunError('RUN_NOT_FOUND', `Run ${request.runId} has no result for session ${request.sessionId}.`, 404);
  return result.verdict.divergences
    .filter((divergence) => !divergence.noise)
    .filter((divergence) => request.step === undefined || divergence.step === request.step)
    .filter((divergence) => request.kind === undefined || divergence.kind === request.kind)
    .map((divergence) => ({ sessionId: request.sessionId, divergence }));
}
