// Serves the bench pages, both recorder bundles and the ingest endpoint on 127.0.0.1 (ephemeral ports). The app and
// the collector listen on two ports so the recorder's requests are cross-origin, with CORS preflights, as in production.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IngestTally {
  requests: number;
  /** Bytes on the wire (gzip when the browser could compress). */
  bytes: number;
  bodies: Buffer[];
}

export interface BenchServer {
  appOrigin: string;
  ingestOrigin: string;
  /** Ingest requests per project key, so each iteration can use its own key. */
  tally(projectKey: string): IngestTally;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  pages: Record<string, (recorderTags: string, query: URLSearchParams) => string>;
  scripts: Record<string, string>;
  /** Keeps ingest bodies in memory (for the bytes measurement); off for cost runs. */
  keepBodies: boolean;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type,x-reprise-key',
  'access-control-allow-methods': 'POST, OPTIONS',
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export async function startBenchServer(options: BenchServerOptions, recorderTags: (variant: string, query: URLSearchParams, ingestOrigin: string) => string): Promise<BenchServer> {
  const tallies = new Map<string, IngestTally>();
  const tally = (key: string) => {
    if (!tallies.has(key)) tallies.set(key, { requests: 0, bytes: 0, bodies: [] });
    return tallies.get(key)!;
  };
  let ingestOrigin = '';

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url || '/', 'http://bench');
    const script = options.scripts[url.pathname];
    if (script !== undefined) return res.writeHead(200, { ...CORS, 'content-type': 'text/javascript' }).end(script);
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    if (url.pathname === '/api/ingest' && req.method === 'POST') {
      const body = await readBody(req);
      const entry = tally(String(req.headers['x-reprise-key'] || url.searchParams.get('key')));
      entry.requests++;
      entry.bytes += body.length;
      if (options.keepBodies) entry.bodies.push(body);
      return res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{"ok":true}');
    }
    if (url.pathname === '/api/submit') {
      await readBody(req);
      return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"id":"user-1"}');
    }
    const page = options.pages[url.pathname];
    if (!page) return res.writeHead(404).end('not found');
    const tags = recorderTags(url.searchParams.get('variant') || 'none', url.searchParams, ingestOrigin);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(tags, url.searchParams));
  });
  const ingest = createServer((req, res) => server.emit('request', req, res));
  const appOrigin = await listen(server);
  ingestOrigin = await listen(ingest);
  return {
    appOrigin,
    ingestOrigin,
    tally,
    close: async () => {
      for (const s of [server, ingest]) s.closeAllConnections();
      await Promise.all([server, ingest].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
