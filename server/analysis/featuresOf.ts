// Turns one divergence and its surroundings into the numeric features the ticket model weighs.
import type { Divergence } from '../../protocol/index.js';
import type { FeatureContext } from './types.js';

const REQUEST_KINDS = new Set(['request-failed', 'request-added', 'request-missing', 'status-changed']);
const COSMETIC_KINDS = new Set(['visual-changed', 'text-changed', 'aria-changed']);
const USER_ACTION_TYPES_EXCLUDED = new Set(['navigate', 'scroll', 'resize']);

export function featuresOf(d: Divergence, context: FeatureContext): Record<string, number> {
  const evidence = d.evidence ?? {};
  const features: Record<string, number> = { [`kind:${d.kind}`]: 1, severity: clamp01(d.severity) };
  const status = typeof evidence.status === 'number' ? evidence.status : undefined;
  if (REQUEST_KINDS.has(d.kind)) {
    if (status !== undefined && (status === 0 || status >= 500)) features.serverError = 1;
    if (status !== undefined && status >= 400 && status < 500) features.clientError = 1;
    if (evidence.apiRequest === true) features.apiRequest = 1;
    if (typeof evidence.actionType === 'string' && !USER_ACTION_TYPES_EXCLUDED.has(evidence.actionType)) features.userTriggered = 1;
  }
  if (d.kind === 'payload-changed' && Number(evidence.fieldsRemoved ?? 0) + Number(evidence.fieldsRetyped ?? 0) > 0) features.payloadFieldsRemoved = 1;
  if (d.kind === 'visual-changed') features.visualSeverity = clamp01(d.severity);
  if (d.kind === 'text-changed') features.textSeverity = clamp01(d.severity);
  if (evidence.targetGone === true) features.targetGone = 1;
  if (evidence.disabledInteractive === true) features.disabledInteractive = 1;
  if (evidence.reorderedOnly === true) features.reorderedOnly = 1;
  if (evidence.replayError === true) features.replayError = 1;
  if (evidence.consequenceOf !== undefined && evidence.consequenceOf !== null) features.consequence = 1;
  if (d.noise) features.noise = 1;
  if (context.blockedPath) features.blockedPath = 1;
  if (context.onConversionPath) features.onConversionPath = 1;
  // A restyle shows up in every session by nature: breadth only says something about behavioural changes.
  if (context.sharedBySessions > 1 && !COSMETIC_KINDS.has(d.kind)) features.sharedSessions = Math.min(1, Math.log10(context.sharedBySessions) / 2);
  if (context.pageTicketRate !== undefined) features.pageTicketRate = clamp01(context.pageTicketRate);
  const visualArea = context.visualAreaOnInteracted ?? (typeof evidence.visualAreaOnInteracted === 'number' ? evidence.visualAreaOnInteracted : 0);
  if (d.kind === 'visual-changed' && visualArea > 0) features.visualAreaOnInteracted = clamp01(visualArea);
  return features;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
