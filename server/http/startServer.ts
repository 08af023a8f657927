// Opens the store, bootstraps the default project and admin credentials, and listens.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import type { Server as SocketServer } from 'socket.io';
import { bootstrapAuth } from '../auth/index.js';
import { recorderInstallHtml } from '../../protocol/loaderSnippet.js';
import type { ServerConfig } from '../config.js';
import { openStore, startRetentionTimer, type RetentionTimerOptions, type Store } from '../store/index.js';
import { createApp, type MountRoutes } from './createApp.js';
import { attachSockets } from './sockets.js';

export const DEFAULT_PROJECT_ID = 'default';
const DEFAULT_RETENTION_DAYS = 30;

export interface RunningServer {
  url: string;
  port: number;
  config: ServerConfig;
  store: Store;
  io: SocketServer;
  logger: Logger;
  close(): Promise<void>;
}

export interface StartOptions {
  mount?: MountRoutes;
  logger?: Logger;
  distDir?: string;
  /** Retention sweep at start and every `intervalMs` (hourly by default); `false` turns it off. */
  retention?: Pick<RetentionTimerOptions, 'intervalMs' | 'now'> | false;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const store = await openStore(config);
  try {
    await bootstrapDefaultProject(store, config, logger);
    await bootstrapAuth(store, config, logger);
    const httpServer = http.createServer();
    const io = attachSockets(httpServer, store, logger);
    const app = createApp({ config, store, logger, io, distDir: options.distDir }, options.mount);
    // Socket.IO answers its own /socket.io/ requests on this server: express must not answer them too (the SPA
    // fallback would, and engine.io then crashes writing headers twice).
    httpServer.on('request', (req, res) => {
      if (!req.url?.startsWith('/socket.io/')) app(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const retention = options.retention === false ? undefined : startRetentionTimer(store, {
      ...options.retention,
      onSweep: (result) => result.deleted && logger.info(result, 'Retention sweep deleted expired sessions'),
      onError: (error) => logger.error({ err: error }, 'Retention sweep failed; it will be retried at the next interval'),
    });
    const port = (httpServer.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ url, store: store.kind, dataDir: store.kind === 'sqlite' ? config.dataDir : undefined }, 'Reprise server listening');
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        // io.close() also closes the HTTP server: it stops accepting and waits for in-flight requests.
        await new Promise<void>((resolve) => {
          io.close(() => resolve());
          httpServer.closeIdleConnections();
        });
        await retention?.stop();
        await store.close();
      })());
    return { url, port, config: { ...config, port }, store, io, logger, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function bootstrapDefaultProject(store: Store, config: ServerConfig, logger: Logger): Promise<void> {
  const existing = await store.getProject(DEFAULT_PROJECT_ID);
  if (!config.projectKey) {
    // A first start with no configuration still gets a project to record into, so `npm start` works as it is.
    if (existing || (await store.listProjects()).length) return;
    const ingestKey = `pk_${randomBytes(12).toString('base64url')}`;
    await store.upsertProject({ id: DEFAULT_PROJECT_ID, name: 'Default project', ingestKey, allowedOrigins: config.allowedOrigins, retentionDays: DEFAULT_RETENTION_DAYS, createdAt: Date.now() });
    logger.info(
      { projectId: DEFAULT_PROJECT_ID, ingestKey },
      `Created the default project. Record a staging app by pasting at the top of its <head>:\n${recorderInstallHtml({ scriptUrl: `${config.publicUrl}/recorder.js`, projectKey: ingestKey })}`,
    );
    return;
  }
  await store.upsertProject({
    // Keep what was set since (baseline, schedules, ignore rules): only the configured fields are overwritten.
    ...existing,
    ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
    id: DEFAULT_PROJECT_ID,
    name: existing?.name ?? 'Default project',
    ingestKey: config.projectKey,
    allowedOrigins: config.allowedOrigins,
    retentionDays: existing?.retentionDays ?? DEFAULT_RETENTION_DAYS,
    createdAt: existing?.createdAt ?? Date.now(),
  });
}
