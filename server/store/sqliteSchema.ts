// DDL of the embedded SQLite store. Documents that are only ever read whole (runs, results, labels, model
// state, projects) are JSON columns; only what is filtered or sorted on gets its own column.
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY,
  ingest_key TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
  token_hash TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_sessions (
  id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  project_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  user_id TEXT,
  app_version TEXT,
  errors INTEGER NOT NULL,
  failed_requests INTEGER NOT NULL,
  pages_text TEXT NOT NULL,
  search_text TEXT NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (project_id, session_id)
);
CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions (project_id, started_at DESC, session_id DESC);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (project_id, user_id);
CREATE TABLE IF NOT EXISTS chunks (
  project_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  format_version INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  events_gzip BLOB NOT NULL, -- an events array or a whole ingest envelope: see storedChunk.ts
  PRIMARY KEY (project_id, session_id, seq)
);
CREATE TABLE IF NOT EXISTS runs (
  project_id TEXT NOT NULL,
  id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX IF NOT EXISTS runs_by_created ON runs (project_id, created_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS session_results (
  project_id TEXT NOT NULL,
  run_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (project_id, run_id, session_id)
);
CREATE TABLE IF NOT EXISTS labels (
  project_id TEXT NOT NULL,
  id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE TABLE IF NOT EXISTS noise_signatures (
  project_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  PRIMARY KEY (project_id, session_id, signature)
);
CREATE TABLE IF NOT EXISTS model_states (
  project_id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blobs (
  project_id TEXT NOT NULL,
  key TEXT NOT NULL,
  content_type TEXT NOT NULL,
  session_id TEXT,
  size INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, key)
);
CREATE INDEX IF NOT EXISTS blobs_by_session ON blobs (project_id, session_id);
CREATE TABLE IF NOT EXISTS deployments (
  project_id TEXT NOT NULL,
  url TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  environment TEXT NOT NULL,
  pull_request INTEGER,
  deployed_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (project_id, url, commit_sha)
);
CREATE INDEX IF NOT EXISTS deployments_by_time ON deployments (project_id, deployed_at DESC);
`;
