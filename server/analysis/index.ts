// Public surface of divergence detection and ticket prediction. Pure domain code: data and callbacks in,
// verdicts and tickets out; no HTTP, no store.
export { compareReplays } from './compareReplays.js';
export { noiseSignature } from './noise.js';
export { visualDiff, type VisualDiffOptions, type VisualDiffResult } from './visualDiff.js';
export { featuresOf } from './featuresOf.js';
export { predict } from './predict.js';
export { defaultModel, DEFAULT_WEIGHTS, DEFAULT_BIAS } from './defaultModel.js';
export { analyzeSession, featuresFromEvidence, type AnalyzeSessionInput } from './analyzeSession.js';
export { groupTickets, ticketSignature } from './groupTickets.js';
export { refitModel, calibrate } from './refitModel.js';
export { evaluate, type Evaluation, type EvaluationCase } from './evaluate.js';
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
