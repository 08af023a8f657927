// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so an acknowledged batch survives a
// crash, and blob files beside it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { IngestBatch, Page, RecordedEvent, SessionSummary } from '../../protocol/index.js';
import { BlobFiles } from './blobFiles.js';
import { assertSafeBlobKey } from './blobKey.js';
import { encodeCursor, decodeCursor } from './cursor.js';
import { assertWritableDataDir, StoreError } from './errors.js';
import { GroupCommit } from './groupCommit.js';
import { assertSupportedFormat } from './recordingFormat.js';
import { emptySummary, mergeBatchIntoSummary } from './sessionMeta.js';
import { sessionFilterSql } from './sessionFilterSql.js';
import { SQLITE_SCHEMA } from './sqliteSchema.js';
import { decodeChunk, encodeChunk } from './storedChunk.js';
import type {
  ApiToken, AppendOptions, AppendResult, AuthSession, BlobOptions, Deployment, DeploymentFilter, Label, Project, SessionFilter, SessionResult, Store, StoredRun, User,
} from './store.js';

type Row = Record<string, any>;
type PendingAppend = { projectId: string; batch: IngestBatch; eventsGzip: Buffer };

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly blobs: BlobFiles;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly appendTransaction: (projectId: string, batch: IngestBatch, eventsGzip: Buffer) => AppendResult;
  private readonly appends: GroupCommit<PendingAppend, AppendResult>;

  static async open(dataDir: string): Promise<SqliteStore> {
    assertWritableDataDir(dataDir);
    return new SqliteStore(dataDir);
  }

  private constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'reprise.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SQLITE_SCHEMA);
    this.blobs = new BlobFiles(path.join(dataDir, 'blobs'));
    this.appendTransaction = this.db.transaction((projectId: string, batch: IngestBatch, eventsGzip: Buffer) => {
      const inserted = this.sql('INSERT OR IGNORE INTO chunks (project_id, session_id, seq, format_version, received_at, events_gzip) VALUES (?, ?, ?, ?, ?, ?)')
        .run(projectId, batch.sessionId, batch.seq, batch.formatVersion, Date.now(), eventsGzip);
      const existing = this.readSummary(projectId, batch.sessionId);
      if (inserted.changes === 0 && existing) return { stored: false, session: existing };
      const session = mergeBatchIntoSummary(existing ?? emptySummary(projectId, batch.sessionId, batch.formatVersion), batch);
      this.writeSummary(session);
      return { stored: true, session };
    });
    // Called inside the group's transaction, appendTransaction runs as a savepoint: one bad batch rolls back alone.
    const commitAppends = this.db.transaction((items: PendingAppend[]) => items.map(({ projectId, batch, eventsGzip }) => {
      try {
        return { ok: true as const, value: this.appendTransaction(projectId, batch, eventsGzip) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }));
    this.appends = new GroupCommit((items) => commitAppends(items));
  }

  async upsertProject(project: Project): Promise<Project> {
    this.sql('INSERT INTO projects (id, ingest_key, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET ingest_key = excluded.ingest_key, data = excluded.data')
      .run(project.id, project.ingestKey, JSON.stringify(project));
    return project;
  }

  async getProject(id: string): Promise<Project | undefined> {
    return parse(this.sql('SELECT data FROM projects WHERE id = ?').get(id));
  }

  async getProjectByIngestKey(ingestKey: string): Promise<Project | undefined> {
    return parse(this.sql('SELECT data FROM projects WHERE ingest_key = ?').get(ingestKey));
  }

  async listProjects(): Promise<Project[]> {
    return this.sql('SELECT data FROM projects ORDER BY id').all().map((row) => parse<Project>(row)!);
  }

  async putApiToken(token: ApiToken): Promise<void> {
    this.sql('INSERT OR REPLACE INTO api_tokens (token_hash, data) VALUES (?, ?)').run(token.tokenHash, JSON.stringify(token));
  }

  async getApiToken(tokenHash: string): Promise<ApiToken | undefined> {
    return parse(this.sql('SELECT data FROM api_tokens WHERE token_hash = ?').get(tokenHash));
  }

  async appendBatch(projectId: string, batch: IngestBatch, options: AppendOptions = {}): Promise<AppendResult> {
    assertSupportedFormat(batch.formatVersion);
    const eventsGzip = await encodeChunk(batch, options);
    return this.appends.submit({ projectId, batch, eventsGzip });
  }

  async getSession(projectId: string, sessionId: string): Promise<SessionSummary | undefined> {
    return this.readSummary(projectId, sessionId);
  }

  async listSessions(projectId: string, filter: SessionFilter, limit: number, cursor?: string): Promise<Page<SessionSummary>> {
    const { where, params } = sessionFilterSql(projectId, filter, cursor);
    const rows = this.sql(`SELECT summary FROM sessions WHERE ${where} ORDER BY started_at DESC, session_id DESC LIMIT ?`)
      .all(...params, limit + 1) as Row[];
    const items = rows.slice(0, limit).map((row) => JSON.parse(row.summary) as SessionSummary);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextCursor: encodeCursor([last.startedAt, last.id]) } : { items };
  }

  async readEvents(projectId: string, sessionId: string): Promise<RecordedEvent[]> {
    const rows = this.sql('SELECT format_version, events_gzip FROM chunks WHERE project_id = ? AND session_id = ? ORDER BY seq')
      .all(projectId, sessionId) as Row[];
    return rows.flatMap((row) => decodeChunk(row.events_gzip, row.format_version));
  }

  async deleteSessions(projectId: string, filter: { userId?: string; olderThan?: number }): Promise<number> {
    if (filter.userId === undefined && filter.olderThan === undefined) {
      throw new StoreError('DELETE_FILTER_REQUIRED', 'Cannot delete sessions without a filter: pass a userId, an olderThan timestamp, or both.');
    }
    const clauses = ['project_id = ?'];
    const params: unknown[] = [projectId];
    if (filter.userId !== undefined) clauses.push('user_id = ?'), params.push(filter.userId);
    if (filter.olderThan !== undefined) clauses.push('ended_at < ?'), params.push(filter.olderThan);
    const ids = (this.sql(`SELECT session_id FROM sessions WHERE ${clauses.join(' AND ')}`).all(...params) as Row[]).map((row) => row.session_id as string);
    const blobKeys: string[] = [];
    this.db.transaction(() => {
      for (const id of ids) {
        blobKeys.push(...(this.sql('SELECT key FROM blobs WHERE project_id = ? AND session_id = ?').all(projectId, id) as Row[]).map((row) => row.key as string));
        this.sql('DELETE FROM blobs WHERE project_id = ? AND session_id = ?').run(projectId, id);
        this.sql('DELETE FROM chunks WHERE project_id = ? AND session_id = ?').run(projectId, id);
        this.sql('DELETE FROM noise_signatures WHERE project_id = ? AND session_id = ?').run(projectId, id);
        this.sql('DELETE FROM sessions WHERE project_id = ? AND session_id = ?').run(projectId, id);
      }
    })();
    for (const key of blobKeys) await this.blobs.remove(projectId, key);
    return ids.length;
  }

  async createRun(run: StoredRun): Promise<void> {
    this.sql('INSERT INTO runs (project_id, id, created_at, data) VALUES (?, ?, ?, ?)').run(run.projectId, run.id, run.createdAt, JSON.stringify(run));
  }

  async updateRun(projectId: string, runId: string, patch: Partial<StoredRun>): Promise<StoredRun> {
    return this.db.transaction(() => {
      const run = parse<StoredRun>(this.sql('SELECT data FROM runs WHERE project_id = ? AND id = ?').get(projectId, runId));
      if (!run) throw new StoreError('NOT_FOUND', `Cannot update run ${runId}: no such run in project ${projectId}.`);
      const updated: StoredRun = { ...run, ...patch, id: run.id, projectId: run.projectId, createdAt: run.createdAt };
      this.sql('UPDATE runs SET data = ? WHERE project_id = ? AND id = ?').run(JSON.stringify(updated), projectId, runId);
      return updated;
    })();
  }

  async getRun(projectId: string, runId: string): Promise<StoredRun | undefined> {
    return parse(this.sql('SELECT data FROM runs WHERE project_id = ? AND id = ?').get(projectId, runId));
  }

  async listRuns(projectId: string, limit: number, cursor?: string): Promise<Page<StoredRun>> {
    const [createdAt, id] = cursor ? decodeCursor(cursor) : [Number.MAX_SAFE_INTEGER, ''];
    const rows = this.sql(
        `SELECT data FROM runs WHERE project_id = ? ${cursor ? 'AND (created_at < ? OR (created_at = ? AND id < ?))' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(...(cursor ? [projectId, createdAt, createdAt, id] : [projectId]), limit + 1) as Row[];
    const items = rows.slice(0, limit).map((row) => parse<StoredRun>(row)!);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextCursor: encodeCursor([last.createdAt, last.id]) } : { items };
  }

  async putSessionResult(projectId: string, result: SessionResult): Promise<void> {
    this.sql('INSERT OR REPLACE INTO session_results (project_id, run_id, session_id, data) VALUES (?, ?, ?, ?)')
      .run(projectId, result.runId, result.sessionId, JSON.stringify(result));
  }

  async getSessionResult(projectId: string, runId: string, sessionId: string): Promise<SessionResult | undefined> {
    return parse(this.sql('SELECT data FROM session_results WHERE project_id = ? AND run_id = ? AND session_id = ?').get(projectId, runId, sessionId));
  }

  async listSessionResults(projectId: string, runId: string): Promise<SessionResult[]> {
    return this.sql('SELECT data FROM session_results WHERE project_id = ? AND run_id = ? ORDER BY session_id')
      .all(projectId, runId)
      .map((row) => parse<SessionResult>(row)!);
  }

  async putDeployment(deployment: Deployment, options: { replace?: boolean } = {}): Promise<boolean> {
    const verb = options.replace ? 'INSERT OR REPLACE' : 'INSERT OR IGNORE';
    const result = this.sql(`${verb} INTO deployments (project_id, url, commit_sha, environment, pull_request, deployed_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(deployment.projectId, deployment.url, deployment.commit, deployment.environment, deployment.pullRequest ?? null, deployment.deployedAt, JSON.stringify(deployment));
    return result.changes > 0;
  }

  async listDeployments(projectId: string, filter: DeploymentFilter = {}, limit = 50): Promise<Deployment[]> {
    const clauses = ['project_id = ?'];
    const params: unknown[] = [projectId];
    if (filter.environment?.length) {
      clauses.push(`environment IN (${filter.environment.map(() => '?').join(', ')})`);
      params.push(...filter.environment);
    }
    if (filter.pullRequest !== undefined) {
      clauses.push('pull_request = ?');
      params.push(filter.pullRequest);
    }
    return this.db.prepare(`SELECT data FROM deployments WHERE ${clauses.join(' AND ')} ORDER BY deployed_at DESC LIMIT ?`)
      .all(...params, limit)
      .map((row) => parse<Deployment>(row)!);
  }

  async addLabel(label: Label): Promise<void> {
    this.sql('INSERT OR REPLACE INTO labels (project_id, id, created_at, data) VALUES (?, ?, ?, ?)').run(label.projectId, label.id, label.createdAt, JSON.stringify(label));
  }

  async listLabels(projectId: string): Promise<Label[]> {
    return this.sql('SELECT data FROM labels WHERE project_id = ? ORDER BY created_at, id').all(projectId).map((row) => parse<Label>(row)!);
  }

  async getModelState(projectId: string): Promise<unknown | undefined> {
    return parse(this.sql('SELECT data FROM model_states WHERE project_id = ?').get(projectId));
  }

  async putModelState(projectId: string, state: unknown): Promise<void> {
    this.sql('INSERT OR REPLACE INTO model_states (project_id, data) VALUES (?, ?)').run(projectId, JSON.stringify(state));
  }

  async addNoiseSignatures(projectId: string, sessionId: string, signatures: string[]): Promise<void> {
    const insert = this.sql('INSERT OR IGNORE INTO noise_signatures (project_id, session_id, signature) VALUES (?, ?, ?)');
    this.db.transaction(() => signatures.forEach((signature) => insert.run(projectId, sessionId, signature)))();
  }

  async getNoiseSignatures(projectId: string, sessionId: string): Promise<Set<string>> {
    const rows = this.sql('SELECT signature FROM noise_signatures WHERE project_id = ? AND session_id = ?').all(projectId, sessionId) as Row[];
    return new Set(rows.map((row) => String(row.signature)));
  }

  async putBlob(projectId: string, key: string, bytes: Uint8Array, contentType: string, options: BlobOptions = {}): Promise<void> {
    assertSafeBlobKey(key);
    await this.blobs.write(projectId, key, bytes);
    this.sql('INSERT OR REPLACE INTO blobs (project_id, key, content_type, session_id, size, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(projectId, key, contentType, options.sessionId ?? null, bytes.byteLength, Date.now());
  }

  async getBlob(projectId: string, key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
    assertSafeBlobKey(key);
    const row = this.sql('SELECT content_type FROM blobs WHERE project_id = ? AND key = ?').get(projectId, key) as Row | undefined;
    if (!row) return undefined;
    const bytes = await this.blobs.read(projectId, key);
    return bytes && { bytes, contentType: row.content_type };
  }

  async putUser(user: User): Promise<void> {
    this.sql('INSERT OR REPLACE INTO users (username, data) VALUES (?, ?)').run(user.username, JSON.stringify(user));
  }

  async getUser(username: string): Promise<User | undefined> {
    return parse(this.sql('SELECT data FROM users WHERE username = ?').get(username));
  }

  async countUsers(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS count FROM users').get() as Row).count;
  }

  async putAuthSession(session: AuthSession): Promise<void> {
    this.sql('DELETE FROM auth_sessions WHERE expires_at < ?').run(Date.now());
    this.sql('INSERT OR REPLACE INTO auth_sessions (id, expires_at, data) VALUES (?, ?, ?)').run(session.id, session.expiresAt, JSON.stringify(session));
  }

  async getAuthSession(id: string): Promise<AuthSession | undefined> {
    return parse(this.sql('SELECT data FROM auth_sessions WHERE id = ? AND expires_at >= ?').get(id, Date.now()));
  }

  async deleteAuthSession(id: string): Promise<void> {
    this.sql('DELETE FROM auth_sessions WHERE id = ?').run(id);
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Statements are prepared once and reused: ingest runs the same few statements for every batch. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private readSummary(projectId: string, sessionId: string): SessionSummary | undefined {
    const row = this.sql('SELECT summary FROM sessions WHERE project_id = ? AND session_id = ?').get(projectId, sessionId) as Row | undefined;
    return row && JSON.parse(row.summary);
  }

  private writeSummary(session: SessionSummary): void {
    const pagesText = [...session.pages, ...session.routes].join('\n');
    const searchText = [pagesText, session.userId ?? '', session.accountId ?? ''].join('\n').toLowerCase();
    this.sql(
        `INSERT OR REPLACE INTO sessions (project_id, session_id, started_at, ended_at, user_id, app_version, errors, failed_requests, pages_text, search_text, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(session.projectId, session.id, session.startedAt, session.endedAt, session.userId ?? null, session.appVersion ?? null,
        session.counts.errors, session.counts.failedRequests, pagesText, searchText, JSON.stringify(session));
  }
}

function parse<T>(row: unknown): T | undefined {
  return row ? (JSON.parse((row as Row).data) as T) : undefined;
}
