// Public surface of divergence detection and ticket prediction. Pure domain code: data and callbacks in,
// verdicts and tickets out; no HTTP, no store.
export { compareReplays } from './compareReplays.js';
export { noiseSignature, stepNoiseSignature } from './noise.js';
export { readNoiseMemory, noiseToRemember, AA_RUNS_BEFORE_SKIPPING, AA_RUN_MARKER_PREFIX, type NoiseMemory } from './noiseMemory.js';
export { rescoreRun, type RunContext } from './rescoreRun.js';
export { pageTicketRates, MIN_LABELS_PER_ROUTE, type RouteLabel } from './pageTicketRates.js';
export { visualDiff, type VisualDiffOptions, type VisualDiffResult } from './visualDiff.js';
export { featuresOf } from './featuresOf.js';
export { predict } from './predict.js';
export { defaultModel, DEFAULT_WEIGHTS, DEFAULT_BIAS } from './defaultModel.js';
export { analyzeSession, featuresFromEvidence, type AnalyzeSessionInput } from './analyzeSession.js';
export { groupTickets, ticketSignature } from './groupTickets.js';
export { refitModel, calibrate } from './refitModel.js';
export { evaluate, type Evaluation, type EvaluationCase } from './evaluate.js';
export {
  evaluateBenchmark,
  formatBenchmarkEvaluation,
  type BenchmarkCase,
  type BenchmarkEvaluation,
  type BenchmarkRun,
  type CaseOutcome,
} from './evaluateBenchmark.js';
export { reliability } from './reliability.js';
export { evaluateOnLabels, readEvaluationHistory, withEvaluation, MAX_EVALUATION_POINTS, type ModelStateWithHistory } from './evaluationHistory.js';
export { isOnConversionPath } from './conversionPath.js';
export type {
  Calibration,
  CompareInput,
  FeatureContext,
  IgnoreRules,
  ModelState,
  ReliabilityBin,
  TrainingLabel,
} from './types.js';
