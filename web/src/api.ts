// Typed fetch wrapper for the server's /api. Every call is scoped to a project; writes carry the CSRF token.
import type {
  AuthMe,
  CreatedApiToken,
  CreateRunRequest,
  ModelView,
  ProjectSettings,
  ProjectSettingsPatch,
  Page,
  RunDetail,
  RunSummary,
  ScheduleDefinition,
  ScheduleStatus,
  SessionResultView,
  SessionSummary,
  TriageRequest,
  TriageResponse,
} from '../../protocol/api.js';
import type { RecordedEvent } from '../../protocol/rrweb.js';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | undefined | null;

/** Builds `/api/path?k=v`, leaving out empty values so that filters stay optional. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function request<T>(method: string, path: string, query: Record<string, QueryValue>, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', `Cannot reach the Reprise server (${method} ${path}): ${String(cause)}. Check that it is running.`);
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw errorFromResponse(response.status, method, path, parsed, text);
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server answers errors as `{error:{code,message}}`; anything else still becomes a readable error. */
export function errorFromResponse(status: number, method: string, path: string, parsed: unknown, text: string): ApiError {
  const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (error?.message) return new ApiError(status, error.code ?? `HTTP_${status}`, error.message);
  const snippet = text.slice(0, 200).trim();
  return new ApiError(status, `HTTP_${status}`, `${method} ${path} failed with HTTP ${status}${snippet ? `: ${snippet}` : ''}.`);
}

export interface SessionFilters {
  from?: number;
  to?: number;
  url?: string;
  user?: string;
  hasErrors?: boolean;
  hasFailedRequests?: boolean;
  appVersion?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<AuthMe>('GET', '/auth/me', {}),
  login: (username: string, password: string) => request<unknown>('POST', '/auth/login', {}, { username, password }),
  logout: () => request<unknown>('POST', '/auth/logout', {}, {}),
  sessions: (project: string, filters: SessionFilters) =>
    request<Page<SessionSummary>>('GET', '/sessions', { project, ...filters }),
  sessionEvents: (project: string, sessionId: string) =>
    request<RecordedEvent[]>('GET', `/sessions/${enc(sessionId)}/events`, { project }),
  runs: (project: string, query: { limit?: number; cursor?: string } = {}) =>
    request<Page<RunSummary>>('GET', '/runs', { project, ...query }),
  createRun: (project: string, body: CreateRunRequest) => request<RunSummary>('POST', '/runs', { project }, body),
  run: (project: string, runId: string) => request<RunDetail>('GET', `/runs/${enc(runId)}`, { project }),
  sessionResult: (project: string, runId: string, sessionId: string) =>
    request<SessionResultView>('GET', `/runs/${enc(runId)}/sessions/${enc(sessionId)}`, { project }),
  triage: (project: string, body: TriageRequest) => request<TriageResponse>('POST', '/triage', { project }, body),
  settings: (project: string) => request<ProjectSettings>('GET', `/projects/${enc(project)}/settings`, {}),
  saveSettings: (project: string, patch: ProjectSettingsPatch) =>
    request<ProjectSettings>('PATCH', `/projects/${enc(project)}/settings`, {}, patch),
  createToken: (project: string, name: string) => request<CreatedApiToken>('POST', `/projects/${enc(project)}/tokens`, {}, { name }),
  revokeToken: (project: string, tokenId: string) =>
    request<{ revoked: string }>('DELETE', `/projects/${enc(project)}/tokens/${enc(tokenId)}`, {}),
  rotateWebhookSecret: (project: string) => request<{ webhookSecret: string }>('POST', `/projects/${enc(project)}/webhook-secret`, {}, {}),
  model: (project: string) => request<ModelView>('GET', '/model', { project }),
  schedules: (project: string) => request<{ items: ScheduleStatus[] }>('GET', '/schedules', { project }),
  saveSchedules: (project: string, schedules: ScheduleDefinition[]) =>
    request<{ items: ScheduleStatus[] }>('PUT', '/schedules', { project }, { schedules }),
};

export const blobUrl = (project: string, key: string) => apiUrl(`/blobs/${enc(key)}`, { project });
export const exportUrl = (project: string, sessionId: string) =>
  apiUrl(`/sessions/${enc(sessionId)}/export`, { project, format: 'playwright' });

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
