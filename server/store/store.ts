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
  createdAt: number;
}

export interface ApiToken {
  /** sha256 hex of the token; the token itself is never stored. */
  tokenHash: string;
  /** null for an admin token that may act on every project. */
  projectId: string | null;
  name: string;
  createdAt: number;
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

  // Labels and model state
  addLabel(label: Label): Promise<void>;
  listLabels(projectId: string): Promise<Label[]>;
  getModelState(projectId: string): Promise<unknown | undefined>;
  putModelState(projectId: string, state: unknown): Promise<void>;

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
