// Test helper (not a test): an app server that serves test pages and a JSON API, and a collector that plays the
// Reprise ingest endpoint on another origin (so CORS is real). Both on 127.0.0.1 with ephemeral ports.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { IngestBatch } from '../../../protocol/ingest.js';
import { recorderInstallHtml } from '../../../protocol/loaderSnippet.js';
import type { RecordedEvent } from '../../../protocol/rrweb.js';

export const PROJECT_KEY = 'test-key';

export interface IngestReply {
  status: number;
  headers?: Record<string, string>;
}

export interface Collector {
  appOrigin: string;
  ingestOrigin: string;
  /** Every body as received (possibly gzip). */
  rawBodies: Buffer[];
  /** Every body after gunzip, as text. */
  bodies: string[];
  /** Stored batches, one per (sessionId, seq): retries are not stored twice. */
  stored: Map<string, IngestBatch>;
  /** How many requests arrived per `${sessionId}/${seq}`. */
  attempts: Map<string, number>;
  keys: string[];
  /** CORS preflights (OPTIONS) the ingest origin received. */
  preflights: number;
  pages: Map<string, string>;
  /** Extra response headers per page path, e.g. a Content-Security-Policy. */
  pageHeaders: Map<string, Record<string, string>>;
  /** Overrides the reply to an ingest request; return undefined for the normal 200. */
  reply?: (batch: IngestBatch, attempt: number) => IngestReply | undefined;
  events(): RecordedEvent[];
  custom<T = any>(tag: string): T[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type,x-reprise-key',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-expose-headers': 'retry-after',
};

/** A page with the documented install at the top of <head>: the inline loader, then the deferred recorder tag. */
export function testPage(collector: Pick<Collector, 'ingestOrigin'>, body: string, endpoint = collector.ingestOrigin): string {
  const install = recorderInstallHtml({ scriptUrl: `${collector.ingestOrigin}/recorder.js`, projectKey: PROJECT_KEY, attributes: { 'data-endpoint': endpoint } });
  return `<!doctype html><html><head>${install}<meta charset="utf-8"><title>Test</title>
</head><body>${body}</body></html>`;
}

export async function startCollector(bundlePath: string): Promise<Collector> {
  const collector = {
    rawBodies: [],
    bodies: [],
    stored: new Map(),
    attempts: new Map(),
    keys: [],
    preflights: 0,
    pages: new Map(),
    pageHeaders: new Map(),
    events: () =>
      [...collector.stored.values()].sort((a, b) => a.seq - b.seq).flatMap((batch) => batch.events),
    custom: (tag: string) =>
      collector.events().filter((e) => e.type === 5 && e.data.tag === tag).map((e) => e.data.payload),
  } as unknown as Collector;

  const app = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url || '/', 'http://x');
    if (url.pathname === '/api/data') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-served-by': 'app' });
      return res.end(JSON.stringify({ items: [1, 2], token: 'resp-s3cr3t' }));
    }
    const page = collector.pages.get(url.pathname);
    if (!page) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html', ...collector.pageHeaders.get(url.pathname) }).end(page);
  });

  const ingest = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url || '/', 'http://x');
    if (url.pathname === '/recorder.js') {
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundlePath));
    }
    if (req.method === 'OPTIONS') {
      collector.preflights++;
      return res.writeHead(204, CORS).end();
    }
    if (url.pathname !== '/api/ingest' || req.method !== 'POST') return res.writeHead(404, CORS).end();
    const raw = await readBody(req);
    collector.rawBodies.push(raw);
    const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
    collector.bodies.push(text);
    collector.keys.push(String(req.headers['x-reprise-key'] || url.searchParams.get('key')));
    const batch = JSON.parse(text) as IngestBatch;
    const id = `${batch.sessionId}/${batch.seq}`;
    const attempt = (collector.attempts.get(id) || 0) + 1;
    collector.attempts.set(id, attempt);
    const override = collector.reply?.(batch, attempt);
    if (override) return res.writeHead(override.status, { ...CORS, ...override.headers }).end('{"error":"test"}');
    const stored = !collector.stored.has(id);
    if (stored) collector.stored.set(id, batch);
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, sessionId: batch.sessionId, seq: batch.seq, stored }));
  });

  collector.appOrigin = await listen(app);
  collector.ingestOrigin = await listen(ingest);
  collector.close = async () => {
    app.closeAllConnections();
    ingest.closeAllConnections();
    await Promise.all([new Promise((r) => app.close(r)), new Promise((r) => ingest.close(r))]);
  };
  return collector;
}
