// POST /api/ingest: the recorder's batches. Acknowledged only once the store says the batch is durable.
import { Router, type Request } from 'express';
import type { Server as SocketServer } from 'socket.io';
import {
  describeZodError, INGEST_KEY_HEADER, ingestBatchSchema, MAX_BATCH_BYTES, RECORDING_FORMAT_VERSION,
  type IngestAck,
} from '../../protocol/index.js';
import type { ServerConfig } from '../config.js';
import type { AppendOptions, Project, Store } from '../store/index.js';
import { checkedEventsJson } from './checkedEventsJson.js';
import { HttpError } from './httpError.js';
import { assertIngestOrigin, isOriginAllowed, setIngestCorsHeaders } from './ingestCors.js';
import { RateLimiter } from './rateLimiter.js';
import { assertJsonDepth, MAX_JSON_DEPTH } from './jsonDepth.js';
import { ingestBatches, ingestEvents } from './metrics.js';
import { readRawBody } from './readRawBody.js';
import { scanTopLevel } from './scanTopLevel.js';

export interface IngestDeps {
  config: Pick<ServerConfig, 'ingestRatePerSecond' | 'ingestBurst'>;
  store: Store;
  io?: SocketServer;
}

export function ingestRoutes({ config, store, io }: IngestDeps): Router {
  const router = Router();
  const limiter = new RateLimiter(config.ingestRatePerSecond, config.ingestBurst);

  // A preflight carries no x-reprise-key value, so it is answered for any origin some project allows; the
  // real request is then checked against its own project.
  router.options('/api/ingest', async (req, res) => {
    const origin = req.get('origin');
    const key = ingestKeyOf(req);
    const projects = key ? [await store.getProjectByIngestKey(key)].filter((project) => project !== undefined) : await store.listProjects();
    if (!origin || !projects.some((project) => isOriginAllowed(project.allowedOrigins, origin))) {
      throw new HttpError(403, 'ORIGIN_NOT_ALLOWED', `Origin ${origin ?? '(none)'} may not send recordings here. Add it to the project's allowed origins.`);
    }
    setIngestCorsHeaders(res, origin);
    res.status(204).end();
  });

  router.post('/api/ingest', async (req, res) => {
    const project = await projectOf(store, req);
    const origin = req.get('origin');
    assertIngestOrigin(project, origin);
    if (origin) setIngestCorsHeaders(res, origin);
    const decision = limiter.take(project.id);
    if (!decision.allowed) {
      throw new HttpError(429, 'RATE_LIMITED', `Project "${project.id}" is sending batches faster than ${config.ingestRatePerSecond}/s. Retry after ${decision.retryAfterSeconds}s.`, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    const body = await readRawBody(req, MAX_BATCH_BYTES);
    const text = decodeUtf8(body.bytes);
    const json = parseJson(text);
    // The scan of the text bounds the nesting at no extra cost; the walk over the parsed value, which costs more,
    // runs only when it has to name the problem (or the body is not an object).
    const scan = scanTopLevel(text, 'events');
    if (!scan || scan.maxDepth > MAX_JSON_DEPTH) assertJsonDepth(json, 'ingest batch');
    const batch = ingestBatchSchema.safeParse(json);
    if (!batch.success) throw new HttpError(400, 'INVALID_BATCH', `Invalid ingest batch: ${describeZodError(batch.error)}.`);
    if (batch.data.formatVersion > RECORDING_FORMAT_VERSION) {
      throw new HttpError(422, 'FORMAT_TOO_NEW', `This batch uses recording format ${batch.data.formatVersion}, but the server reads up to ${RECORDING_FORMAT_VERSION}. Upgrade the Reprise server.`);
    }
    const events = checkedEventsJson(text, scan?.span, json, batch.data);
    // A gzip body whose events text is the checked one is stored as is: compressing the events again would cost
    // more than the rest of the request (issue #3).
    const append: AppendOptions = events.verbatim && body.gzip ? { envelopeGzip: body.gzip } : { eventsJson: events.json };
    const result = await store.appendBatch(project.id, batch.data, append);
    ingestBatches.inc({ result: result.stored ? 'stored' : 'duplicate' });
    if (result.stored) ingestEvents.inc({}, batch.data.events.length);
    if (result.stored) io?.to(`project:${project.id}`).emit('session:ingested', { id: result.session.id, projectId: project.id, endedAt: result.session.endedAt });
    const ack: IngestAck = { ok: true, sessionId: batch.data.sessionId, seq: batch.data.seq, stored: result.stored };
    res.json(ack);
  });

  return router;
}

function ingestKeyOf(req: Request): string | undefined {
  return req.get(INGEST_KEY_HEADER) ?? (typeof req.query.key === 'string' ? req.query.key : undefined);
}

async function projectOf(store: Store, req: Request): Promise<Project> {
  const key = ingestKeyOf(req);
  if (!key) throw new HttpError(401, 'INGEST_KEY_REQUIRED', `Send the project's ingest key in the ${INGEST_KEY_HEADER} header or as ?key= (beacons).`);
  const project = await store.getProjectByIngestKey(key);
  if (!project) throw new HttpError(401, 'INGEST_KEY_UNKNOWN', 'The ingest key matches no project. Copy the snippet again from the dashboard (Settings → Recorder).');
  return project;
}

// Fatal decoding: invalid UTF-8 would otherwise be replaced by U+FFFD and stored as if the recorder had sent it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new HttpError(400, 'INVALID_UTF8', 'The batch is not valid UTF-8. Send the IngestBatch as UTF-8 JSON, optionally gzip-compressed.');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'MALFORMED_JSON', `The batch is not valid JSON (${(error as Error).message}). Send the IngestBatch as JSON, optionally gzip-compressed.`);
  }
}
