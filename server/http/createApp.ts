// The express application: logging, ingest, query API, auth, static files, then 404s and the error handler.
import express, { type Express, type RequestHandler } from 'express';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Server as SocketServer } from 'socket.io';
import { createAuthGuards } from '../auth/index.js';
import type { ServerConfig } from '../config.js';
import type { Store } from '../store/index.js';
import { authRoutes } from './authRoutes.js';
import { blobRoutes } from './blobRoutes.js';
import { apiNotFound, errorHandler } from './errorHandler.js';
import { importRoutes } from './importRoutes.js';
import { ingestRoutes } from './ingestRoutes.js';
import { projectRoutes } from './projectRoutes.js';
import { checkReadiness } from './readiness.js';
import { measureIngest, metricsRoute } from './metrics.js';
import { apiRateLimit } from './apiRateLimit.js';
import { requestLogger } from './requestLogger.js';
import { sessionRoutes } from './sessionRoutes.js';
import { dashboardRoutes, recorderRoute } from './staticRoutes.js';

export const DEFAULT_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const JSON_LIMIT = '1mb';

export interface AppDeps {
  config: ServerConfig;
  store: Store;
  logger: Logger;
  io?: SocketServer;
  /** Where `npm run build` writes recorder.js and web/; tests point it elsewhere. */
  distDir?: string;
}

/** What `mount` receives to add routes (the lead's runs API) with the same guards. */
export interface MountDeps {
  config: ServerConfig;
  store: Store;
  logger: Logger;
  io?: SocketServer;
  requireProject: RequestHandler;
  requireAuth: RequestHandler;
  requireCsrf: RequestHandler;
}

export type MountRoutes = (app: Express, deps: MountDeps) => void;

export function createApp(deps: AppDeps, mount?: MountRoutes): Express {
  const { config, store, logger, io } = deps;
  const distDir = deps.distDir ?? DEFAULT_DIST_DIR;
  const guards = createAuthGuards(store);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogger(logger));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(store, config);
    if (!readiness.ok) logger.warn({ problems: readiness.problems }, 'readiness check failed');
    res.status(readiness.ok ? 200 : 503).json(readiness);
  });

  app.get('/metrics', metricsRoute);
  app.use('/api/ingest', measureIngest);
  // Ingest and import parse their own bodies (raw, gzip, large): they come before the JSON parser.
  app.use(ingestRoutes({ config, store, io }));
  app.use('/api', apiRateLimit(config));
  app.use(importRoutes(store, guards.requireProject));
  // Webhook signatures are computed over the exact bytes sent: keep them beside the parsed body.
  app.use(express.json({ limit: JSON_LIMIT, verify: (req, _res, buffer) => ((req as { rawBody?: Buffer }).rawBody = buffer) }));
  app.use(authRoutes(store, guards.requireAuth, { secureCookies: config.publicUrl.startsWith('https:') }));
  app.use(sessionRoutes(store, guards.requireProject));
  app.use(blobRoutes(store, guards.requireProject));
  app.use(projectRoutes(store, guards));
  app.use(recorderRoute(distDir));
  mount?.(app, { config, store, logger, io, ...guards });

  app.use('/api', apiNotFound);
  app.use(dashboardRoutes(distDir));
  app.use(errorHandler(logger));
  return app;
}
