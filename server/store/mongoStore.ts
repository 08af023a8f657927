// The MongoDB store (REPRISE_MONGO_URL), for deployments that run several server replicas. Same contract as
// SqliteStore; idempotent ingest rests on the unique index (projectId, sessionId, seq) of `chunks`.
import { Binary, GridFSBucket, MongoClient, MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
import type { IngestBatch, Page, RecordedEvent, SessionSummary } from '../../protocol/index.js';
import { assertSafeBlobKey } from './blobKey.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { StoreError } from './errors.js';
import { assertSupportedFormat } from './recordingFormat.js';
import { emptySummary, mergeBatchIntoSummary } from './sessionMeta.js';
import { decodeChunk, encodeChunk } from './storedChunk.js';
import type {
  ApiToken, AppendOptions, AppendResult, AuthSession, BlobOptions, Deployment, DeploymentFilter, Label, Project, SessionFilter, SessionResult, Store, StoredRun, User,
} from './store.js';

interface ChunkDoc { projectId: string; sessionId: string; seq: number; formatVersion: number; receivedAt: number; events: Binary }
type SessionDoc = SessionSummary & { searchText: string; pagesText: string };
type RunDoc = StoredRun;
type ResultDoc = SessionResult & { projectId: string };
interface ModelDoc { projectId: string; state: unknown }
interface TokenDoc extends ApiToken {}
type Stripped<T> = Omit<T, '_id'>;

const DUPLICATE_KEY = 11000;
const MAX_SUMMARY_ATTEMPTS = 20;
const NO_ID = { projection: { _id: 0 } } as const;

export class MongoStore implements Store {
  readonly kind = 'mongo' as const;

  static async open(url: string): Promise<MongoStore> {
    // w: majority + journal: an acknowledged batch survives the loss of the primary.
    const client = new MongoClient(url, { writeConcern: { w: 'majority', journal: true } });
    await client.connect();
    const store = new MongoStore(client, client.db());
    await store.createIndexes();
    return store;
  }

  private readonly projects: Collection<Project>;
  private readonly tokens: Collection<TokenDoc>;
  private readonly users: Collection<User>;
  private readonly authSessions: Collection<AuthSession & { expiresAtDate: Date }>;
  private readonly sessions: Collection<SessionDoc>;
  private readonly chunks: Collection<ChunkDoc>;
  private readonly runs: Collection<RunDoc>;
  private readonly results: Collection<ResultDoc>;
  private readonly labels: Collection<Label>;
  private readonly models: Collection<ModelDoc>;
  private readonly bucket: GridFSBucket;

  private constructor(private readonly client: MongoClient, private readonly db: Db) {
    this.projects = db.collection('projects');
    this.tokens = db.collection('tokens');
    this.users = db.collection('users');
    this.authSessions = db.collection('authSessions');
    this.sessions = db.collection('sessions');
    this.chunks = db.collection('chunks');
    this.runs = db.collection('runs');
    this.results = db.collection('results');
    this.labels = db.collection('labels');
    this.models = db.collection('models');
    this.bucket = new GridFSBucket(db, { bucketName: 'blobs' });
  }

  private async createIndexes(): Promise<void> {
    await Promise.all([
      this.projects.createIndex({ id: 1 }, { unique: true }),
      this.projects.createIndex({ ingestKey: 1 }, { unique: true }),
      this.tokens.createIndex({ tokenHash: 1 }, { unique: true }),
      this.users.createIndex({ username: 1 }, { unique: true }),
      this.authSessions.createIndex({ id: 1 }, { unique: true }),
      this.authSessions.createIndex({ expiresAtDate: 1 }, { expireAfterSeconds: 0 }),
      this.sessions.createIndex({ projectId: 1, id: 1 }, { unique: true }),
      this.sessions.createIndex({ projectId: 1, startedAt: -1, id: -1 }),
      this.sessions.createIndex({ projectId: 1, userId: 1 }),
      this.chunks.createIndex({ projectId: 1, sessionId: 1, seq: 1 }, { unique: true }),
      this.runs.createIndex({ projectId: 1, id: 1 }, { unique: true }),
      this.runs.createIndex({ projectId: 1, createdAt: -1, id: -1 }),
      this.results.createIndex({ projectId: 1, runId: 1, sessionId: 1 }, { unique: true }),
      this.labels.createIndex({ projectId: 1, id: 1 }, { unique: true }),
      this.models.createIndex({ projectId: 1 }, { unique: true }),
      this.db.collection('deployments').createIndex({ projectId: 1, url: 1, commit: 1 }, { unique: true }),
      this.db.collection('deployments').createIndex({ projectId: 1, deployedAt: -1 }),
      this.db.collection('blobs.files').createIndex({ 'metadata.projectId': 1, 'metadata.key': 1 }),
      this.db.collection('blobs.files').createIndex({ 'metadata.projectId': 1, 'metadata.sessionId': 1 }),
    ]);
  }

  async upsertProject(project: Project): Promise<Project> {
    await this.projects.replaceOne({ id: project.id }, project, { upsert: true });
    return project;
  }
  async getProject(id: string): Promise<Project | undefined> {
    return (await this.projects.findOne({ id }, NO_ID)) ?? undefined;
  }
  async getProjectByIngestKey(ingestKey: string): Promise<Project | undefined> {
    return (await this.projects.findOne({ ingestKey }, NO_ID)) ?? undefined;
  }
  async listProjects(): Promise<Project[]> {
    return this.projects.find({}, NO_ID).sort({ id: 1 }).toArray();
  }
  async putApiToken(token: ApiToken): Promise<void> {
    await this.tokens.replaceOne({ tokenHash: token.tokenHash }, token, { upsert: true });
  }
  async getApiToken(tokenHash: string): Promise<ApiToken | undefined> {
    return (await this.tokens.findOne({ tokenHash }, NO_ID)) ?? undefined;
  }

  async appendBatch(projectId: string, batch: IngestBatch, options: AppendOptions = {}): Promise<AppendResult> {
    assertSupportedFormat(batch.formatVersion);
    const events = new Binary(await encodeChunk(batch, options));
    const chunk: ChunkDoc = { projectId, sessionId: batch.sessionId, seq: batch.seq, formatVersion: batch.formatVersion, receivedAt: Date.now(), events };
    try {
      await this.chunks.insertOne(chunk);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.getSession(projectId, batch.sessionId);
      if (existing && summaryCovers(existing, batch.seq)) return { stored: false, session: existing };
      // The chunk was stored but its summary update was lost (crash between the two writes): merge it now.
    }
    return { stored: true, session: await this.mergeIntoSummary(projectId, batch) };
  }

  /**
   * Optimistic concurrency on `batches`: a standalone server has no multi-document transaction, and two
   * batches of one session may arrive at two replicas at once; the loser re-reads and merges again.
   */
  private async mergeIntoSummary(projectId: string, batch: IngestBatch): Promise<SessionSummary> {
    for (let attempt = 0; attempt < MAX_SUMMARY_ATTEMPTS; attempt++) {
      const current = await this.getSession(projectId, batch.sessionId);
      if (current && summaryCovers(current, batch.seq)) return current;
      const next = mergeBatchIntoSummary(current ?? emptySummary(projectId, batch.sessionId, batch.formatVersion), batch);
      const pagesText = [...next.pages, ...next.routes].join('\n');
      const searchText = [pagesText, next.userId ?? '', next.accountId ?? ''].join('\n').toLowerCase();
      try {
        const result = await this.sessions.replaceOne(
          { projectId, id: batch.sessionId, batches: current?.batches ?? 0 },
          { ...next, pagesText, searchText },
          { upsert: true },
        );
        if (result.matchedCount === 1 || result.upsertedCount === 1) return next;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`Cannot update the summary of session ${batch.sessionId}: ${MAX_SUMMARY_ATTEMPTS} concurrent writers conflicted. Retry the batch.`);
  }

  async getSession(projectId: string, sessionId: string): Promise<SessionSummary | undefined> {
    const doc = await this.sessions.findOne({ projectId, id: sessionId }, { projection: { _id: 0, pagesText: 0, searchText: 0 } });
    return (doc as SessionSummary | null) ?? undefined;
  }

  async listSessions(projectId: string, filter: SessionFilter, limit: number, cursor?: string): Promise<Page<SessionSummary>> {
    const query: Filter<SessionDoc> = { projectId };
    const and: Filter<SessionDoc>[] = [];
    if (filter.from !== undefined) and.push({ endedAt: { $gte: filter.from } });
    if (filter.to !== undefined) and.push({ startedAt: { $lte: filter.to } });
    if (filter.userId !== undefined) query.userId = filter.userId;
    if (filter.appVersion !== undefined) query.appVersion = filter.appVersion;
    if (filter.hasErrors !== undefined) and.push(filter.hasErrors ? { 'counts.errors': { $gt: 0 } } : { 'counts.errors': 0 });
    if (filter.hasFailedRequests !== undefined) and.push(filter.hasFailedRequests ? { 'counts.failedRequests': { $gt: 0 } } : { 'counts.failedRequests': 0 });
    if (filter.url) and.push({ pagesText: { $regex: escapeRegex(filter.url) } });
    if (filter.q) and.push({ searchText: { $regex: escapeRegex(filter.q.toLowerCase()) } });
    if (cursor) {
      const [startedAt, id] = decodeCursor(cursor);
      and.push({ $or: [{ startedAt: { $lt: startedAt } }, { startedAt, id: { $lt: id } }] });
    }
    if (and.length) query.$and = and;
    const docs = await this.sessions
      .find(query, { projection: { _id: 0, pagesText: 0, searchText: 0 } })
      .sort({ startedAt: -1, id: -1 })
      .limit(limit + 1)
      .toArray();
    const items = docs.slice(0, limit) as SessionSummary[];
    const last = items[items.length - 1];
    return docs.length > limit && last ? { items, nextCursor: encodeCursor([last.startedAt, last.id]) } : { items };
  }

  async readEvents(projectId: string, sessionId: string): Promise<RecordedEvent[]> {
    const chunks = await this.chunks.find({ projectId, sessionId }).sort({ seq: 1 }).toArray();
    return chunks.flatMap((chunk) => decodeChunk(chunk.events.buffer, chunk.formatVersion));
  }

  async deleteSessions(projectId: string, filter: { userId?: string; olderThan?: number }): Promise<number> {
    if (filter.userId === undefined && filter.olderThan === undefined) {
      throw new StoreError('DELETE_FILTER_REQUIRED', 'Cannot delete sessions without a filter: pass a userId, an olderThan timestamp, or both.');
    }
    const query: Filter<SessionDoc> = { projectId };
    if (filter.userId !== undefined) query.userId = filter.userId;
    if (filter.olderThan !== undefined) query.endedAt = { $lt: filter.olderThan };
    const ids = (await this.sessions.find(query, { projection: { id: 1 } }).toArray()).map((doc) => doc.id);
    if (!ids.length) return 0;
    const files = await this.bucket.find({ 'metadata.projectId': projectId, 'metadata.sessionId': { $in: ids } }).toArray();
    for (const file of files) await this.bucket.delete(file._id);
    await this.chunks.deleteMany({ projectId, sessionId: { $in: ids } });
    await this.db.collection('noiseSignatures').deleteMany({ projectId, sessionId: { $in: ids } });
    await this.sessions.deleteMany({ projectId, id: { $in: ids } });
    return ids.length;
  }

  async createRun(run: StoredRun): Promise<void> {
    await this.runs.insertOne({ ...run });
  }
  async updateRun(projectId: string, runId: string, patch: Partial<StoredRun>): Promise<StoredRun> {
    const { id: _id, projectId: _projectId, createdAt: _createdAt, ...rest } = patch;
    const updated = await this.runs.findOneAndUpdate({ projectId, id: runId }, { $set: rest }, { returnDocument: 'after', projection: { _id: 0 } });
    if (!updated) throw new StoreError('NOT_FOUND', `Cannot update run ${runId}: no such run in project ${projectId}.`);
    return updated as StoredRun;
  }
  async getRun(projectId: string, runId: string): Promise<StoredRun | undefined> {
    return ((await this.runs.findOne({ projectId, id: runId }, NO_ID)) as StoredRun | null) ?? undefined;
  }
  async listRuns(projectId: string, limit: number, cursor?: string): Promise<Page<StoredRun>> {
    const query: Filter<RunDoc> = { projectId };
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor);
      query.$or = [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }];
    }
    const docs = (await this.runs.find(query, NO_ID).sort({ createdAt: -1, id: -1 }).limit(limit + 1).toArray()) as StoredRun[];
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return docs.length > limit && last ? { items, nextCursor: encodeCursor([last.createdAt, last.id]) } : { items };
  }

  async putSessionResult(projectId: string, result: SessionResult): Promise<void> {
    await this.results.replaceOne({ projectId, runId: result.runId, sessionId: result.sessionId }, { ...result, projectId }, { upsert: true });
  }
  async getSessionResult(projectId: string, runId: string, sessionId: string): Promise<SessionResult | undefined> {
    const doc = await this.results.findOne({ projectId, runId, sessionId }, NO_ID);
    return doc ? withoutProjectId(doc) : undefined;
  }
  async listSessionResults(projectId: string, runId: string): Promise<SessionResult[]> {
    return (await this.results.find({ projectId, runId }, NO_ID).sort({ sessionId: 1 }).toArray()).map(withoutProjectId);
  }

  async putDeployment(deployment: Deployment, options: { replace?: boolean } = {}): Promise<boolean> {
    const deployments = this.db.collection<Deployment>('deployments');
    const key = { projectId: deployment.projectId, url: deployment.url, commit: deployment.commit };
    if (options.replace) {
      await deployments.replaceOne(key, { ...deployment }, { upsert: true });
      return true;
    }
    try {
      await deployments.insertOne({ ...deployment });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async listDeployments(projectId: string, filter: DeploymentFilter = {}, limit = 50): Promise<Deployment[]> {
    const query: Filter<Deployment> = { projectId };
    if (filter.environment?.length) query.environment = { $in: filter.environment };
    if (filter.pullRequest !== undefined) query.pullRequest = filter.pullRequest;
    return this.db.collection<Deployment>('deployments').find(query, NO_ID).sort({ deployedAt: -1 }).limit(limit).toArray();
  }

  async addLabel(label: Label): Promise<void> {
    await this.labels.replaceOne({ projectId: label.projectId, id: label.id }, label, { upsert: true });
  }
  async listLabels(projectId: string): Promise<Label[]> {
    return this.labels.find({ projectId }, NO_ID).sort({ createdAt: 1, id: 1 }).toArray();
  }
  async getModelState(projectId: string): Promise<unknown | undefined> {
    return (await this.models.findOne({ projectId }))?.state;
  }
  async putModelState(projectId: string, state: unknown): Promise<void> {
    await this.models.replaceOne({ projectId }, { projectId, state }, { upsert: true });
  }

  async addNoiseSignatures(projectId: string, sessionId: string, signatures: string[]): Promise<void> {
    if (!signatures.length) return;
    await this.db.collection('noiseSignatures').updateOne({ projectId, sessionId }, { $addToSet: { signatures: { $each: signatures } } }, { upsert: true });
  }
  async getNoiseSignatures(projectId: string, sessionId: string): Promise<Set<string>> {
    const doc = await this.db.collection<{ projectId: string; sessionId: string; signatures: string[] }>('noiseSignatures').findOne({ projectId, sessionId });
    return new Set(doc?.signatures ?? []);
  }

  async putBlob(projectId: string, key: string, bytes: Uint8Array, contentType: string, options: BlobOptions = {}): Promise<void> {
    assertSafeBlobKey(key);
    const previous = await this.bucket.find({ 'metadata.projectId': projectId, 'metadata.key': key }).toArray();
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStream(`${projectId}/${key}`, { metadata: { projectId, key, contentType, sessionId: options.sessionId } });
      upload.once('error', reject).once('finish', () => resolve());
      upload.end(Buffer.from(bytes));
    });
    // The new file is complete before the old one goes, so a reader never finds the key missing.
    for (const file of previous) await this.bucket.delete(file._id);
  }

  async getBlob(projectId: string, key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
    assertSafeBlobKey(key);
    const [file] = await this.bucket.find({ 'metadata.projectId': projectId, 'metadata.key': key }).sort({ uploadDate: -1 }).limit(1).toArray();
    if (!file) return undefined;
    const parts: Buffer[] = [];
    for await (const part of this.bucket.openDownloadStream(file._id)) parts.push(part as Buffer);
    return { bytes: new Uint8Array(Buffer.concat(parts)), contentType: String(file.metadata?.contentType ?? 'application/octet-stream') };
  }

  async putUser(user: User): Promise<void> {
    await this.users.replaceOne({ username: user.username }, user, { upsert: true });
  }
  async getUser(username: string): Promise<User | undefined> {
    return (await this.users.findOne({ username }, NO_ID)) ?? undefined;
  }
  async countUsers(): Promise<number> {
    return this.users.countDocuments();
  }
  async putAuthSession(session: AuthSession): Promise<void> {
    await this.authSessions.replaceOne({ id: session.id }, { ...session, expiresAtDate: new Date(session.expiresAt) }, { upsert: true });
  }
  async getAuthSession(id: string): Promise<AuthSession | undefined> {
    const doc = await this.authSessions.findOne({ id, expiresAt: { $gte: Date.now() } }, { projection: { _id: 0, expiresAtDate: 0 } });
    return (doc as AuthSession | null) ?? undefined;
  }
  async deleteAuthSession(id: string): Promise<void> {
    await this.authSessions.deleteOne({ id });
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }
  async close(): Promise<void> {
    await this.client.close();
  }
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** Received seqs are {0..highest} minus missingSeqs (see sessionMeta.ts). */
function summaryCovers(summary: SessionSummary, seq: number): boolean {
  return seq < summary.batches + summary.missingSeqs.length && !summary.missingSeqs.includes(seq);
}

function withoutProjectId(doc: Stripped<ResultDoc>): SessionResult {
  const { projectId: _projectId, ...result } = doc;
  return result;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
