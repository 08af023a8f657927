import { writeFile } from 'node:fs/promises';
import type { RunDetail, RunReport, RunSummary } from '../../protocol/index.js';
import { DEFAULT_TICKET_THRESHOLD } from '../../protocol/index.js';
import { CliError, createApiClient } from './apiClient.js';
import { formatReport } from './formatReport.js';

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
}

const POLL_INTERVAL_MS = 1000;

/** Exit codes: 0 no predicted ticket, 1 at least one predicted ticket, 2 error. */
export async function runCi(options: CiOptions, print: (line: string) => void = console.log): Promise<number> {
  const threshold = options.failOn === undefined ? DEFAULT_TICKET_THRESHOLD : Number(options.failOn);
  if (!(threshold > 0 && threshold <= 1)) throw new CliError(`--fail-on must be a probability between 0 and 1, got "${options.failOn}".`);
  const timeoutMs = (options.timeout === undefined ? 1800 : Number(options.timeout)) * 1000;
  if (!(timeoutMs > 0)) throw new CliError(`--timeout must be a number of seconds, got "${options.timeout}".`);
  const sessions = parseSessions(options.sessions);
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
  let lastDone = -1;
  let detail: RunDetail;
  for (;;) {
    detail = await api.get<RunDetail>(`/api/runs/${encodeURIComponent(started.id)}`, 'read the run');
    if (detail.progress.done !== lastDone) {
      lastDone = detail.progress.done;
      print(`  ${detail.progress.done}/${detail.progress.total} sessions done`);
    }
    if (detail.status !== 'running' && detail.status !== 'queued') break;
    if (Date.now() > deadline) throw new CliError(`Run ${started.id} did not finish within ${timeoutMs / 1000} s. Raise --timeout or check the server's workers.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  if (detail.status !== 'completed' || !detail.report) throw new CliError(`Run ${started.id} ended as ${detail.status}: ${detail.error ?? 'no report'}`);

  const report: RunReport = detail.report;
  if (options.json) await writeFile(options.json, JSON.stringify(report, null, 2));
  const predicted = report.tickets.filter((ticket) => ticket.probability >= threshold);
  for (const line of formatReport(report, threshold)) print(line);
  return predicted.length > 0 ? 1 : 0;
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
