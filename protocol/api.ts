// Shapes that cross the server/dashboard boundary. Routes validate input with schemas.ts.
import type { RunReport, RunStatus, SessionVerdict, TriageDecision } from './divergence.js';
import type { ReplayResult } from './trajectory.js';

export interface SessionCounts {
  events: number;
  clicks: number;
  inputs: number;
  errors: number;
  failedRequests: number;
}

export interface SessionSummary {
  id: string;
  projectId: string;
  formatVersion: number;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  /** Distinct page URLs visited (path + search), in order of first visit. */
  pages: string[];
  /** Route patterns (`/product/:id`) visited. */
  routes: string[];
  userId?: string;
  accountId?: string;
  browser?: string;
  appVersion?: string;
  flags?: Record<string, string | number | boolean>;
  counts: SessionCounts;
  /** Batch sequence numbers that never arrived below the highest received one. */
  missingSeqs: number[];
  batches: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface RunTarget {
  url: string;
  environment?: string;
  commit?: string;
  branch?: string;
  pullRequest?: number;
}

export interface RunSummary {
  id: string;
  projectId: string;
  status: RunStatus;
  trigger: 'ci' | 'api' | 'dashboard' | 'webhook' | 'schedule';
  baseline: RunTarget;
  candidate: RunTarget;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  progress: { total: number; done: number };
  counts: { replayed: number; diverged: number; errors: number; tickets: number };
  error?: string;
}

export interface CreateRunRequest {
  baseline: string;
  candidate: string;
  /** A number to cap the selection, `all`, or explicit session ids. */
  sessions?: number | 'all' | string[];
  trigger?: RunSummary['trigger'];
}

export interface TriageRequest {
  runId: string;
  sessionId: string;
  /** Step and kind identify the divergence; omit both to triage a whole predicted ticket by `ticketId`. */
  step?: number;
  kind?: string;
  ticketId?: string;
  decision: TriageDecision;
  comment?: string;
}

export type RunDetail = RunSummary & { report?: RunReport };

/** `GET /api/runs/:id/sessions/:sessionId`: one session's verdict with the replays behind it. */
export interface SessionResultView {
  runId: string;
  sessionId: string;
  verdict: SessionVerdict;
  baseline?: ReplayResult;
  /** The A/A second baseline replay used to cancel noise. */
  baselineRepeat?: ReplayResult;
  candidate?: ReplayResult;
  selectionReason?: string;
}

/** `GET /api/auth/me`. */
export interface AuthMe {
  /** Users carry `username`, API tokens `name`. */
  principal: { kind: 'user' | 'token'; name?: string; username?: string; projectId?: string };
  /** Absent for API tokens, which do not need CSRF protection. */
  csrfToken?: string;
  projects: { id: string; name: string; ingestKey: string; allowedOrigins: string[] }[];
}

/** `POST /api/triage` response. */
export interface TriageResponse {
  label: { id: string; [field: string]: unknown };
  model: { trainedOn: number };
}

/** Socket.IO events the server emits to dashboards (room per project). */
export interface ServerToClientEvents {
  'run:updated': (run: RunSummary) => void;
  'session:ingested': (summary: Pick<SessionSummary, 'id' | 'projectId' | 'endedAt'>) => void;
}

/** An API token as listed in Settings; the token itself is shown only once, when created. */
export interface ApiTokenInfo {
  /** First hex digits of the token's sha256: names the token without revealing it. */
  id: string;
  name: string;
  createdAt: number;
}

/** `POST /api/projects/:id/tokens` response. */
export interface CreatedApiToken extends ApiTokenInfo {
  token: string;
}

export interface IgnoreSettings {
  /** Regular expressions or substrings of visible text and error messages that may change freely. */
  textPatterns: string[];
  /** Request paths left out of the network comparison (`*` wildcard, otherwise a prefix). */
  requestPaths: string[];
  /** Elements by accessible name or `role "name"`: divergences located on them are noise. */
  selectors: string[];
}

/** `GET /api/projects/:id/settings`. */
export interface ProjectSettings {
  id: string;
  name: string;
  /** The key the recorder sends with (public: it is in every recorded page). */
  ingestKey: string;
  allowedOrigins: string[];
  baselineUrl?: string;
  /** Maximum sessions replayed per run when a run does not say. */
  selectionBudget?: number;
  ignore: IgnoreSettings;
  /** Field name to masked value (the values never leave the server). */
  replayFixtures: Record<string, string>;
  retentionDays: number;
  tokens: ApiTokenInfo[];
  webhookSecret?: string;
}

/** `PATCH /api/projects/:id/settings`: omitted fields stay; null clears; a fixture set to null is removed. */
export interface ProjectSettingsPatch {
  allowedOrigins?: string[];
  baselineUrl?: string | null;
  selectionBudget?: number | null;
  ignore?: Partial<IgnoreSettings>;
  replayFixtures?: Record<string, string | null>;
  retentionDays?: number;
}

/** `GET /api/model`: the project's ticket model, or the hand-set prior before any label. */
export interface ModelView {
  weights: Record<string, number>;
  bias: number;
  trainedOn: number;
  calibration?: {
    bins: { lower: number; upper: number; count: number; meanPredicted: number; observedRate: number }[];
    brierScore: number;
  };
  /** Precision and recall over time, oldest first: benchmark evaluations and refits on triage labels. */
  evaluationHistory?: EvaluationPoint[];
}

/** A cron schedule of runs, as sent in `PUT /api/schedules?project=` `{schedules: ScheduleDefinition[]}`. */
export interface ScheduleDefinition {
  /** Five fields, or six with seconds first, evaluated in UTC. */
  cron: string;
  candidateUrl: string;
  /** Defaults to the project's baseline deployment. */
  baselineUrl?: string;
}

/** `GET`/`PUT /api/schedules?project=` answer `{items: ScheduleStatus[]}`. */
export interface ScheduleStatus extends ScheduleDefinition {
  index: number;
  /** Epoch ms of the next firing, null when the expression never fires again. */
  nextRunAt: number | null;
  upcoming: number[];
  lastRunId?: string;
  lastError?: string;
}

/** One measurement of the ticket model's precision and recall. */
export interface EvaluationPoint {
  /** Epoch ms. */
  at: number;
  /** 'benchmark': `reprise eval` on the labelled benchmark; 'labels': the refitted model on its own triage labels. */
  source: 'benchmark' | 'labels';
  precision: number;
  recall: number;
  falseAlarmRate?: number;
  /** Benchmark cases or labels the measurement covers. */
  cases?: number;
}

/** `POST /api/model/evaluations?project=`: records one benchmark evaluation; answers the stored EvaluationPoint. */
export interface RecordEvaluationRequest {
  precision: number;
  recall: number;
  falseAlarmRate?: number;
  cases?: number;
  /** Epoch ms; defaults to the server's clock. */
  at?: number;
}
