// Turns a SessionFilter plus cursor into a SQLite WHERE clause over the `sessions` table.
import type { SessionFilter } from './store.js';
import { decodeCursor } from './cursor.js';

export function sessionFilterSql(projectId: string, filter: SessionFilter, cursor?: string): { where: string; params: unknown[] } {
  const clauses = ['project_id = ?'];
  const params: unknown[] = [projectId];
  if (filter.from !== undefined) clauses.push('ended_at >= ?'), params.push(filter.from);
  if (filter.to !== undefined) clauses.push('started_at <= ?'), params.push(filter.to);
  if (filter.userId !== undefined) clauses.push('user_id = ?'), params.push(filter.userId);
  if (filter.appVersion !== undefined) clauses.push('app_version = ?'), params.push(filter.appVersion);
  if (filter.hasErrors !== undefined) clauses.push(filter.hasErrors ? 'errors > 0' : 'errors = 0');
  if (filter.hasFailedRequests !== undefined) clauses.push(filter.hasFailedRequests ? 'failed_requests > 0' : 'failed_requests = 0');
  if (filter.url) clauses.push("pages_text LIKE ? ESCAPE '\\'"), params.push(`%${escapeLike(filter.url)}%`);
  if (filter.q) clauses.push("search_text LIKE ? ESCAPE '\\'"), params.push(`%${escapeLike(filter.q.toLowerCase())}%`);
  if (cursor) {
    const [startedAt, sessionId] = decodeCursor(cursor);
    clauses.push('(started_at < ? OR (started_at = ? AND session_id < ?))');
    params.push(startedAt, startedAt, sessionId);
  }
  return { where: clauses.join(' AND '), params };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
