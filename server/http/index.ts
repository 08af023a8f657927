// Public surface of the HTTP shell.
export { createApp, DEFAULT_DIST_DIR, type AppDeps, type MountDeps, type MountRoutes } from './createApp.js';
export { startServer, DEFAULT_PROJECT_ID, type RunningServer, type StartOptions } from './startServer.js';
export { HttpError, type ErrorBody } from './httpError.js';
export { importRrwebEvents, IMPORT_BATCH_SIZE } from './importRrwebEvents.js';
export { RateLimiter, type RateDecision } from './rateLimiter.js';
export { isOriginAllowed } from './ingestCors.js';
export { registry as metricsRegistry, observeRunUpdate, MetricsRegistry, Counter, Gauge, Histogram } from './metrics.js';
export { apiRateLimit } from './apiRateLimit.js';
