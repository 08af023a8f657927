import { writeFile } from 'node:fs/promises';
import type { RunDetail, RunReport, RunSummary } from '../../protocol/index.js';
import { DEFAULT_TICKET_THRESHOLD } from '../../protocol/index.js';
import { CliError, createApiClient } from './apiClient.js';
import { DEFAULT_GITHUB_API, postGithubSummary } from '../integrations/index.js';
import { formatJunit } from './formatJunit.js';
import { formatMarkdown, REPRISE_COMMENT_MARKER } from './formatMarkdown.js';
import { formatReport } from './formatReport.js';
import { predictedTickets } from './predictedTickets.js';
import { createProgressReporter, type ProgressOutput } from './progressReporter.js';

export interface CiOptions {
  server: string;
  project: string;
  token?: string;
  baseline: string;
  candidate: string;
  sessions?: string;
  json?: string;
  failOn?: string;
  timeout?: string;
  /** Write a JUnit XML report here (one test case per session). */
  junit?: string;
  /** Write the pull-request comment as Markdown here. */
  markdown?: string;
  githubToken?: string;
  /** `owner/name`. */
  githubRepo?: string;
  sha?: string;
  pr?: string;
  githubApi?: string;
}

const POLL_INTERVAL_MS = 1000;

/** Exit codes: 0 no predicted ticket, 1 at least one predicted ticket, 2 error. */
export async function runCi(options: CiOptions, print: (line: string) => void = console.log, progressOutput: ProgressOutput = process.stdout): Promise<number> {
  const threshold = options.failOn === undefined ? DEFAULT_TICKET_THRESHOLD : Number(options.failOn);
  if (!(threshold > 0 && threshold <= 1)) throw new CliError(`--fail-on must be a probability between 0 and 1, got "${options.failOn}".`);
  const timeoutMs = (options.timeout === undefined ? 1800 : Number(options.timeout)) * 1000;
  if (!(timeoutMs > 0)) throw new CliError(`--timeout must be a number of seconds, got "${options.timeout}".`);
  const sessions = parseSessions(options.sessions);
  const github = githubOptions(options);
  await assertReachable(options.baseline, 'baseline');
  await assertReachable(options.candidate, 'candidate');

  const api = createApiClient(options);
  const started = await api.post<RunSummary>(
    '/api/runs',
    { baseline: options.baseline, candidate: options.candidate, sessions, trigger: 'ci' },
    'start a run',
  );
  print(`Run ${started.id}: replaying ${started.progress.total} session(s) against ${options.baseline} (baseline) and ${options.candidate} (candidate)`);

  const deadline = Date.now() + timeoutMs;
  const progress = createProgressReporter(progressOutput);
  let detail: RunDetail;
  for (;;) {
    detail = await api.get<RunDetail>(`/api/runs/${encodeURIComponent(started.id)}`, 'read the run');
    progress.update(detail.progress.done, detail.progress.total);
    if (detail.status !== 'running' && detail.status !== 'queued') break;
    if (Date.now() > deadline) throw new CliError(`Run ${started.id} did not finish within ${timeoutMs / 1000} s. Raise --timeout or check the server's workers.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  progress.finish();
  if (detail.status !== 'completed' || !detail.report) throw new CliError(`Run ${started.id} ended as ${detail.status}: ${detail.error ?? 'no report'}`);

  const report: RunReport = detail.report;
  if (options.json) await writeOutput(options.json, JSON.stringify(report, null, 2), '--json');
  if (options.junit) await writeOutput(options.junit, formatJunit(report, threshold), '--junit');
  const markdown = formatMarkdown(report, threshold);
  if (options.markdown) await writeOutput(options.markdown, markdown, '--markdown');
  const predicted = predictedTickets(report, threshold).tickets;
  for (const line of formatReport(report, threshold)) print(line);
  if (github) {
    const posted = await postGithubSummary(github.target, {
      sha: github.sha,
      pullRequest: github.pullRequest,
      state: predicted.length ? 'failure' : 'success',
      description: predicted.length
        ? `${predicted.length} predicted ticket(s) in ${report.sessions.length} replayed session(s)`
        : `No predicted ticket in ${report.sessions.length} replayed session(s)`,
      targetUrl: report.run.dashboardUrl,
      markdown,
      marker: REPRISE_COMMENT_MARKER,
    }).catch((error: Error) => {
      throw new CliError(error.message);
    });
    if (posted.status) print(`GitHub: commit status set on ${github.sha}`);
    if (posted.comment) print(`GitHub: pull-request comment ${posted.comment} on #${github.pullRequest}`);
  }
  return predicted.length > 0 ? 1 : 0;
}

function githubOptions(options: CiOptions) {
  if (!options.githubRepo) return undefined;
  if (!options.githubToken) throw new CliError('--github-repo needs a token to post to GitHub: pass --github-token or set GITHUB_TOKEN.');
  if (!options.sha && !options.pr) throw new CliError('--github-repo needs --sha (for the commit status) and/or --pr (for the pull-request comment).');
  const pullRequest = options.pr === undefined ? undefined : Number(options.pr);
  if (pullRequest !== undefined && !(Number.isInteger(pullRequest) && pullRequest > 0)) throw new CliError(`--pr must be a pull-request number, got "${options.pr}".`);
  return {
    target: { apiUrl: options.githubApi ?? DEFAULT_GITHUB_API, token: options.githubToken, repo: options.githubRepo },
    sha: options.sha,
    pullRequest,
  };
}

async function writeOutput(file: string, content: string, flag: string): Promise<void> {
  await writeFile(file, content).catch((error: Error) => {
    throw new CliError(`Cannot write the ${flag} file ${file}: ${error.message}. Check that its folder exists and is writable.`);
  });
}

function parseSessions(value: string | undefined): number | 'all' | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return 'all';
  const count = Number(value);
  if (Number.isInteger(count) && count > 0) return count;
  throw new CliError(`--sessions must be a positive number or "all", got "${value}".`);
}

async function assertReachable(url: string, role: string): Promise<void> {
  try {
    new URL(url);
  } catch {
    throw new CliError(`The ${role} "${url}" is not a valid URL. Pass a full URL such as https://preview.example.com.`);
  }
  try {
    await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(`The ${role} ${url} is unreachable (${cause}). Check that the deployment is up and the URL is right.`);
  }
}
