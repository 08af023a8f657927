// Posts a run's outcome to GitHub through its REST API: a commit status and one pull-request comment that is
// updated in place on later runs (found by a hidden marker).

export const DEFAULT_GITHUB_API = 'https://api.github.com';
const DESCRIPTION_LIMIT = 140;

export interface GithubTarget {
  /** `https://api.github.com`, or a GitHub Enterprise `https://host/api/v3`. */
  apiUrl?: string;
  token: string;
  /** `owner/name`. */
  repo: string;
}

export interface GithubSummary {
  sha?: string;
  pullRequest?: number;
  state: 'success' | 'failure' | 'error';
  description: string;
  targetUrl?: string;
  /** The comment body; must contain `marker` so that the next run finds and updates it. */
  markdown?: string;
  marker: string;
}

export interface GithubPostResult {
  status?: 'created';
  comment?: 'created' | 'updated';
}

export class GithubError extends Error {
  override readonly name = 'GithubError';
  readonly code = 'GITHUB_REQUEST_FAILED';
}

export async function postGithubSummary(target: GithubTarget, summary: GithubSummary): Promise<GithubPostResult> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(target.repo)) throw new GithubError(`--github-repo must be "owner/name", got "${target.repo}".`);
  const call = githubCaller(target);
  const result: GithubPostResult = {};
  if (summary.sha) {
    await call('POST', `/repos/${target.repo}/statuses/${summary.sha}`, 'create the commit status', {
      state: summary.state,
      description: summary.description.slice(0, DESCRIPTION_LIMIT),
      context: 'reprise',
      ...(summary.targetUrl ? { target_url: summary.targetUrl } : {}),
    });
    result.status = 'created';
  }
  if (summary.pullRequest !== undefined && summary.markdown) {
    const existing = await findComment(call, target.repo, summary.pullRequest, summary.marker);
    if (existing) {
      await call('PATCH', `/repos/${target.repo}/issues/comments/${existing}`, 'update the pull-request comment', { body: summary.markdown });
      result.comment = 'updated';
    } else {
      await call('POST', `/repos/${target.repo}/issues/${summary.pullRequest}/comments`, 'comment on the pull request', { body: summary.markdown });
      result.comment = 'created';
    }
  }
  return result;
}

type Caller = (method: string, path: string, what: string, body?: unknown) => Promise<unknown>;

const COMMENTS_PER_PAGE = 100;
const MAX_COMMENT_PAGES = 10;

async function findComment(call: Caller, repo: string, pullRequest: number, marker: string): Promise<number | undefined> {
  for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
    const comments = (await call('GET', `/repos/${repo}/issues/${pullRequest}/comments?per_page=${COMMENTS_PER_PAGE}&page=${page}`, 'list the pull-request comments')) as { id: number; body?: string }[];
    const found = comments.find((comment) => comment.body?.includes(marker));
    if (found) return found.id;
    if (comments.length < COMMENTS_PER_PAGE) return undefined;
  }
  return undefined;
}

function githubCaller(target: GithubTarget): Caller {
  const base = (target.apiUrl ?? DEFAULT_GITHUB_API).replace(/\/$/, '');
  return async (method, path, what, body) => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${target.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'reprise-ci',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new GithubError(`Cannot ${what} on GitHub: ${base} is unreachable (${cause}). Check --github-api.`);
    }
    const text = await response.text();
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 403 || response.status === 404
        ? ' Check that the token may write statuses and pull-request comments on this repository (permissions: statuses: write, pull-requests: write).'
        : '';
      throw new GithubError(`Cannot ${what} on GitHub: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}.${hint}`);
    }
    return text ? JSON.parse(text) : undefined;
  };
}
