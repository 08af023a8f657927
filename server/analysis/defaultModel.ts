// The hand-set prior: what a reasonable triager would weigh before any label exists. docs/model.md says why.
import type { ModelState } from './types.js';

export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = {
  'kind:action-failed': 3.0,
  'kind:page-error': 3.4,
  'kind:navigation-changed': 2.0,
  'kind:request-failed': 1.2,
  'kind:element-missing': 1.2,
  'kind:console-error': 1.0,
  'kind:request-missing': 0.6,
  'kind:payload-changed': 0.6,
  'kind:slower': 0.6,
  'kind:status-changed': 0.5,
  'kind:text-changed': 0.4,
  'kind:aria-changed': 0.3,
  'kind:visual-changed': 0.2,
  'kind:request-added': 0,
  severity: 0.4,
  serverError: 1.5,
  clientError: 0.8,
  apiRequest: 1.0,
  userTriggered: 0.6,
  payloadFieldsRemoved: 0.6,
  visualSeverity: 1.0,
  textSeverity: 1.5,
  targetGone: 1.8,
  disabledInteractive: 1.2,
  reorderedOnly: -1.5,
  replayError: 1.0,
  consequence: -1.0,
  noise: -6.0,
  blockedPath: 2.2,
  onConversionPath: 0.6,
  sharedSessions: 0.5,
  pageTicketRate: 2.0,
  visualAreaOnInteracted: 0.4,
};

/** Log-odds of a ticket when nothing else is known: about 5%. */
export const DEFAULT_BIAS = -3.0;

export function defaultModel(): ModelState {
  return { version: 1, bias: DEFAULT_BIAS, weights: { ...DEFAULT_WEIGHTS }, trainedOn: 0 };
}
