// Public surface of the server's storage.
import type { ServerConfig } from '../config.js';
import { MongoStore } from './mongoStore.js';
import { SqliteStore } from './sqliteStore.js';
import type { Store } from './store.js';

export type { Deployment, DeploymentFilter, ProjectSchedule } from './store.js';
export type {
  ApiToken, AppendOptions, AppendResult, AuthSession, BlobOptions, Label, Project, SessionFilter, SessionResult, Store, StoredRun, User,
} from './store.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { SqliteStore } from './sqliteStore.js';
export { MongoStore } from './mongoStore.js';
export { upgradeEvents, assertSupportedFormat } from './recordingFormat.js';
export { emptySummary, mergeBatchIntoSummary } from './sessionMeta.js';
export { browserName } from './browserName.js';
export { assertSafeBlobKey } from './blobKey.js';
export { sweepRetention, DAY_MS, type RetentionSweepResult } from './retention.js';
export { startRetentionTimer, RETENTION_INTERVAL_MS, type RetentionTimer, type RetentionTimerOptions } from './retentionTimer.js';

/** MongoDB when `mongoUrl` is configured, else SQLite under `dataDir`. */
export async function openStore(config: Pick<ServerConfig, 'mongoUrl' | 'dataDir'>): Promise<Store> {
  return config.mongoUrl ? MongoStore.open(config.mongoUrl) : SqliteStore.open(config.dataDir);
}
