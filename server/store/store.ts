// The one storage interface of the domain. Implemented by sqliteStore (embedded default) and mongoStore
// (REPRISE_MONGO_URL); both must pass server/test/integration/storeContract.test.ts.
import type {
  IngestBatch,
  Page,
  RecordedEvent,
  ReplayResult,
  RunReport,
  RunSummary,
  SessionSummary,
  SessionVerdict,
  TriageDecision,
} from '../../protocol/index.js';

export interface Project {
  id: string;
  name: string;
  /** Public key embedded in the recorder snippet; grants ingest only. */
  ingestKey: string;
  allowedOrigins: string[];
  /** Days to keep sessions; 0 keeps them forever. */
  retentionDays: number;
  /**
   * Values typed at replay into masked fields, by field name or id (a test account's credentials): masked values
   * are never recorded, so without a fixture replay types a synthetic value of the recorded shape.
   */
  replayFixtures?: Record<string, string>;
  /** What may change freely between baseline and candidate: never held against a deployment (docs/divergence-taxonomy.md). */
  ignore?: ProjectIgnoreRules;
  createdAt: number;
  /** Base of webhook and scheduled runs; without it the last production/staging deployment is the base. */
  baselineUrl?: string;
  /** HMAC secret of deployment webhooks (server/triggers); REPRISE_WEBHOOK_SECRET sets it on the default project. */
  webhookSecret?: string;
  /** Cron schedules of runs (server/triggers/scheduler.ts). */
  schedules?: ProjectSchedule[];
  /** Maximum sessions replayed per run when a run does not say (Settings → Selection budget). */
  selectionBudget?: number;
  /** Tokens created from Settings, listed there; the plaintext is never kept. */
  apiTokens?: { id: string; tokenHash: string; name: string; createdAt: number }[];
}

export interface ProjectSchedule {
  /** Five fields, or six with seconds first (cron-parser syntax), evaluated in UTC. */
  cron: string;
  /** Defaults to the project's baseline. */
  baselineUrl?: string;
  candidateUrl: string;
}

/** A deployment reported by a webhook; unique per (projectId, url, commit) so repeated events start one run. */
export interface Deployment {
  projectId: string;
  url: string;
  /** '' when the sender did not say. */
  commit: string;
  environment: string;
  branch?: string;
  pullRequest?: number;
  source: 'generic' | 'github' | 'vercel';
  /** When the deployment happened per its sender (epoch ms), to order out-of-order events. */
  deployedAt: number;
  receivedAt: number;
  /** The run started against it. */
  runId?: string;
  /** Why no run was started (baseline environment, superseded, refused). */
  note?: string;
}

export interface DeploymentFilter {
  environment?: string[];
  pullRequest?: number;
}

export interface ProjectIgnoreRules {
  /** Regular expressions (or plain substrings) for visible text and error messages. */
  textPatterns?: string[];
  /** Request paths; `*` matches anything, a pattern without `*` matches as a prefix. */
  requestPaths?: string[];
  /** Elements by accessible name or `role "name"`: divergences located on them are noise. */
  selectors?: string[];
  /** Screenshot areas (CSS pixels) left out of the visual diff. */
  regions?: { x: number; y: number; width: number; height: number }[];
}

export interface ApiToken {
  /** sha256 hex of the token; the token itself is never stored. */
  tokenHash: string;
  /** null for an admin token that may act on every project. */
  projectId: string | null;
  name: string;
  createdAt: number;
  /** Set when revoked from Settings: the token no longer authenticates. */
  revokedAt?: number;
}

export interface SessionFilter {
  from?: number;
  to?: number;
  /** Substring of a visited page URL or route pattern. */
  url?: string;
  userId?: string;
  hasErrors?: boolean;
  hasFailedRequests?: boolean;
  appVersion?: string;
  /** Free text over visited URLs, user and account ids. */
  q?: string;
}

export interface AppendOptions {
  /** `JSON.stringify(batch.events)` when the caller already has it (ingest computes it for the checksum). */
  eventsJson?: string;
  /**
   * gzip of a JSON object whose `events` member is exactly `batch.events`: the recorder's compressed request
   * body, stored as the chunk instead of compressing the events again. The caller vouches for its content (ingest
   * checks the batch checksum over the very text it decompresses to). Takes precedence over `eventsJson`.
   */
  envelopeGzip?: Buffer;
}

export interface AppendResult {
  /** False when (sessionId, seq) was already stored: an idempotent retry. */
  stored: boolean;
  session: SessionSummary;
}

/** One session's replays and verdict within a run. */
export interface SessionResult {
  runId: string;
  sessionId: string;
  verdict: SessionVerdict;
  baseline?: ReplayResult;
  /** The second baseline replay (A/A pair) used to cancel noise. */
  baselineRepeat?: ReplayResult;
  candidate?: ReplayResult;
  /** Why the session was selected for this run. */
  selectionReason?: string;
}

export interface Label {
  id: string;
  projectId: string;
  runId: string;
  sessionId: string;
  step?: number;
  kind?: string;
  ticketId?: string;
  decision: TriageDecision;
  comment?: string;
  /** Feature values of the labelled divergence, so the model can be refit without recomputing them. */
  features?: Record<string, number>;
  /** Route before the labelled step, for the per-page ticket rate. */
  route?: string;
  /** 'triage' (a reviewer's decision) or 'customer-ticket' (a real ticket linked to the session). */
  source?: 'triage' | 'customer-ticket';
  createdAt: number;
}

/** A dashboard user; passwords are kept as scrypt hashes (server/auth/passwords.ts). */
export interface User {
  username: string;
  passwordHash: string;
  createdAt: number;
}

/** A logged-in browser session, referenced by an httpOnly cookie. */
export interface AuthSession {
  id: string;
  username: string;
  /** Sent back in the x-csrf-token header on cookie-authenticated writes. */
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export interface BlobOptions {
  /** Ties the blob to a session so that deleting the session (privacy request, retention) deletes it too. */
  sessionId?: string;
}

export interface StoredRun extends RunSummary {
  report?: RunReport;
  /** The sessions chosen for the run and why. */
  selection?: { sessionId: string; reason: string }[];
}

export interface Store {
  readonly kind: 'sqlite' | 'mongo';

  // Projects and credentials
  upsertProject(project: Project): Promise<Project>;
  getProject(id: string): Promise<Project | undefined>;
  getProjectByIngestKey(ingestKey: string): Promise<Project | undefined>;
  listProjects(): Promise<Project[]>;
  putApiToken(token: ApiToken): Promise<void>;
  getApiToken(tokenHash: string): Promise<ApiToken | undefined>;

  // Sessions: a batch is written atomically with the session's derived metadata, and is durable on return.
  appendBatch(projectId: string, batch: IngestBatch, options?: AppendOptions): Promise<AppendResult>;
  getSession(projectId: string, sessionId: string): Promise<SessionSummary | undefined>;
  listSessions(projectId: string, filter: SessionFilter, limit: number, cursor?: string): Promise<Page<SessionSummary>>;
  /** Every event of the session in recorded order, batches in seq order, upgraded to the current format. */
  readEvents(projectId: string, sessionId: string): Promise<RecordedEvent[]>;
  /**
   * Deletes sessions of a user and/or whose last event is before `olderThan` (epoch ms), with their events and
   * tied blobs. At least one filter is required. Returns the number of sessions deleted.
   */
  deleteSessions(projectId: string, filter: { userId?: string; olderThan?: number }): Promise<number>;

  // Runs
  createRun(run: StoredRun): Promise<void>;
  updateRun(projectId: string, runId: string, patch: Partial<StoredRun>): Promise<StoredRun>;
  getRun(projectId: string, runId: string): Promise<StoredRun | undefined>;
  listRuns(projectId: string, limit: number, cursor?: string): Promise<Page<StoredRun>>;
  /** Idempotent per (runId, sessionId): a retried job overwrites, never duplicates. */
  putSessionResult(projectId: string, result: SessionResult): Promise<void>;
  getSessionResult(projectId: string, runId: string, sessionId: string): Promise<SessionResult | undefined>;
  listSessionResults(projectId: string, runId: string): Promise<SessionResult[]>;

  // Deployments (webhook triggers)
  /**
   * Inserts the deployment unless (projectId, url, commit) is already stored; returns false for such a duplicate.
   * With `replace` an existing one is overwritten (to attach its run).
   */
  putDeployment(deployment: Deployment, options?: { replace?: boolean }): Promise<boolean>;
  /** Newest `deployedAt` first. */
  listDeployments(projectId: string, filter?: DeploymentFilter, limit?: number): Promise<Deployment[]>;

  // Labels and model state
  addLabel(label: Label): Promise<void>;
  listLabels(projectId: string): Promise<Label[]>;
  getModelState(projectId: string): Promise<unknown | undefined>;
  putModelState(projectId: string, state: unknown): Promise<void>;

  // Noise memory: signatures of what the A/A pair found to be noise, per project and session, across runs
  /** Adds to the session's set; existing signatures are kept once. */
  addNoiseSignatures(projectId: string, sessionId: string, signatures: string[]): Promise<void>;
  getNoiseSignatures(projectId: string, sessionId: string): Promise<Set<string>>;

  // Blobs (screenshots, diff images)
  /** Keys are [A-Za-z0-9._-]+ (StoreError INVALID_BLOB_KEY otherwise); an existing key is replaced. */
  putBlob(projectId: string, key: string, bytes: Uint8Array, contentType: string, options?: BlobOptions): Promise<void>;
  getBlob(projectId: string, key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;

  // Dashboard users and login sessions
  putUser(user: User): Promise<void>;
  getUser(username: string): Promise<User | undefined>;
  countUsers(): Promise<number>;
  putAuthSession(session: AuthSession): Promise<void>;
  /** Undefined when unknown or expired. */
  getAuthSession(id: string): Promise<AuthSession | undefined>;
  deleteAuthSession(id: string): Promise<void>;

  /** Resolves when the backing database answers; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
