// zod schemas for everything that enters the server from outside. Kept apart from the types so that the
// recorder bundle, which imports only types and constants, never pulls zod in.
import { z } from 'zod';
import { MAX_EVENTS_PER_BATCH } from './ingest.js';

export const recordedEventSchema = z.object({
  type: z.number().int().min(0).max(64),
  data: z.unknown(),
  timestamp: z.number().finite().nonnegative(),
  delay: z.number().optional(),
});

export const ingestBatchSchema = z.object({
  formatVersion: z.number().int().min(1),
  sessionId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'sessionId may only contain letters, digits, "_" and "-"'),
  seq: z.number().int().min(0).max(1_000_000),
  checksum: z.string().regex(/^[0-9a-f]{8}$/, 'checksum must be 8 lower-case hex digits (FNV-1a of the events JSON)'),
  sentAt: z.number().finite(),
  events: z.array(recordedEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const createRunRequestSchema = z.object({
  baseline: z.url({ protocol: /^https?$/ }),
  candidate: z.url({ protocol: /^https?$/ }),
  sessions: z.union([z.number().int().positive(), z.literal('all'), z.array(z.string().min(1)).min(1)]).optional(),
  trigger: z.enum(['ci', 'api', 'dashboard', 'webhook', 'schedule']).optional(),
});

export const triageRequestSchema = z.object({
  runId: z.string().min(1),
  sessionId: z.string().min(1),
  step: z.number().int().min(0).optional(),
  kind: z.string().optional(),
  ticketId: z.string().optional(),
  decision: z.enum(['ticket', 'intended', 'noise']),
  comment: z.string().max(5000).optional(),
});

/** Turns a zod error into one sentence naming each offending field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}
