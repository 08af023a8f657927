// GitHub issues as customer tickets: the JSON array the GitHub API returns (GET /repos/:owner/:repo/issues),
// exported to a file or posted as is. The session or user id is read from the issue's body.
import { TicketError, type CustomerTicket } from './customerTicket.js';

interface GitHubIssue {
  number?: number;
  title?: string;
  created_at?: string;
  body?: string | null;
  html_url?: string;
  pull_request?: unknown;
}

const SESSION_PATTERNS = [/#\/sessions\/([\w-]{4,})/i, /\bsession(?:[ _-]?id)?\s*[:=#]\s*`?([\w-]{4,})/i];
const USER_PATTERNS = [/\buser(?:[ _-]?id)?\s*[:=#]\s*`?([\w@.+-]{2,})/i, /\bcustomer(?:[ _-]?id)?\s*[:=#]\s*`?([\w@.+-]{2,})/i];
const URL_PATTERN = /\b(?:url|page)\s*[:=]\s*(\S+)/i;

/** Issues without a session or user id cannot be linked and are returned in `skipped`, with why. */
export function ticketsFromGitHubIssues(issues: unknown): { tickets: CustomerTicket[]; skipped: { title: string; reason: string }[] } {
  if (!Array.isArray(issues)) {
    throw new TicketError('NOTHING_TO_IMPORT', `Cannot import GitHub issues: expected the JSON array the GitHub API returns, got ${issues === null ? 'null' : typeof issues}.`);
  }
  const tickets: CustomerTicket[] = [];
  const skipped: { title: string; reason: string }[] = [];
  for (const issue of issues as GitHubIssue[]) {
    if (issue.pull_request) continue;
    const title = String(issue.title ?? '').trim() || `GitHub issue #${issue.number ?? '?'}`;
    const body = issue.body ?? '';
    const sessionId = firstMatch(SESSION_PATTERNS, body);
    const userId = firstMatch(USER_PATTERNS, body);
    if (!issue.created_at) skipped.push({ title, reason: 'no created_at' });
    else if (!sessionId && !userId) skipped.push({ title, reason: 'the body names no session id ("session: ID") or user id ("user: ID")' });
    else {
      const url = firstMatch([URL_PATTERN], body);
      tickets.push({
        title,
        time: issue.created_at,
        ...(sessionId ? { sessionId } : {}),
        ...(userId ? { userId } : {}),
        ...(url ? { url } : {}),
        ...(issue.number !== undefined ? { externalId: `github-${issue.number}` } : {}),
      });
    }
  }
  return { tickets, skipped };
}

function firstMatch(patterns: RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[1];
  }
  return undefined;
}
