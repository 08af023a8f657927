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

export interface StoredRun extends RunSummary {
  report?: RunReport;
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
  appendBatch(projectId: string, batch: IngestBatch): Promise<AppendResult>;
  getSession(projectId: string, sessionId: string): Promise<SessionSummary | undefined>;
  listSessions(projectId: string, filter: SessionFilter, limit: number, cursor?: string): Promise<Page<SessionSummary>>;
  /** Every event of the session in recorded order, batches in seq order, upgraded to the current format. */
  readEvents(projectId: string, sessionId: string): Promise<RecordedEvent[]>;
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
  putBlob(projectId: string, key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  getBlob(projectId: string, key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;

  close(): Promise<void>;
}
