import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../cli/apiClient.js';
import { runCi, type CiOptions } from '../../cli/ciCommand.js';
import { loadConfig } from '../../config.js';
import { importRrwebEvents } from '../../http/index.js';
import { startReprise, type RunningReprise } from '../../startReprise.js';
import { startTinyApp, tinyVisit, type TinyApp } from '../helpers/tinyApp.js';

const ADMIN = 'admin-token-ci-0001';

interface RecordedCall { method: string; url: string; authorization?: string; body?: any }

/** A stand-in GitHub API on loopback that records every call; it already holds one unrelated PR comment. */
async function startGithubRecorder() {
  const calls: RecordedCall[] = [];
  const comments: { id: number; body: string }[] = [{ id: 1, body: 'LGTM' }];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      calls.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body });
      response.setHeader('content-type', 'application/json');
      if (request.method === 'GET') return response.end(JSON.stringify(comments));
      if (request.method === 'POST' && request.url!.includes('/comments')) comments.push({ id: comments.length + 1, body: body.body });
      if (request.method === 'PATCH') comments.find((comment) => request.url!.endsWith(`/${comment.id}`))!.body = body.body;
      response.statusCode = request.method === 'POST' ? 201 : 200;
      response.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, comments, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('server/cli | reprise ci', () => {
  let reprise: RunningReprise;
  let app: TinyApp;
  let github: Awaited<ReturnType<typeof startGithubRecorder>>;
  let dir: string;

  beforeAll(async () => {
    app = await startTinyApp();
    github = await startGithubRecorder();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-ci-'));
    const config = loadConfig({ port: 0, data: path.join(dir, 'data') }, {
      REPRISE_PROJECT_KEY: 'ingest-ci-0001', REPRISE_ADMIN_TOKEN: ADMIN, REPRISE_ALLOWED_ORIGINS: app.origin, REPRISE_LOG_LEVEL: 'silent',
    });
    reprise = await startReprise(config, { schedulerIntervalMs: 0, concurrency: 1 });
    await importRrwebEvents(reprise.store, 'default', tinyVisit(app.origin), 'ci-visit-1');
  });
  afterAll(async () => {
    await reprise?.close();
    await app?.close();
    await github?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const options = (extra: Partial<CiOptions> = {}): CiOptions => ({
    server: reprise.url, project: 'default', token: ADMIN, baseline: `${app.origin}/`, candidate: `${app.origin}/`, ...extra,
  });

  it('writes JUnit and Markdown, posts a commit status and a PR comment, then updates that comment', async () => {
    const printed: string[] = [];
    const progress: string[] = [];
    const github_ = { githubToken: 'ghs_test', githubRepo: 'acme/shop', sha: 'abc123', pr: '7', githubApi: github.url };
    const code = await runCi(
      options({ junit: path.join(dir, 'junit.xml'), markdown: path.join(dir, 'comment.md'), ...github_ }),
      (line) => printed.push(line),
      { isTTY: false, write: (text) => progress.push(text) },
    );
    expect(code).toBe(0);
    expect(progress.at(-1)).toBe('  1/1 sessions done\n');
    const junit = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testcase classname="reprise.sessions" name="session ci-visit-1"');
    const markdown = fs.readFileSync(path.join(dir, 'comment.md'), 'utf8');
    expect(markdown).toMatch(/^<!-- reprise -->\n## Reprise: no predicted ticket/);
    expect(markdown).toContain(`${reprise.url}/#/runs/run_`);

    const status = github.calls.find((call) => call.url === '/repos/acme/shop/statuses/abc123');
    expect(status).toMatchObject({ method: 'POST', authorization: 'Bearer ghs_test', body: { state: 'success', context: 'reprise' } });
    expect(status?.body.target_url).toContain('/#/runs/run_');
    expect(github.calls.filter((call) => call.method === 'POST' && call.url === '/repos/acme/shop/issues/7/comments')).toHaveLength(1);
    expect(printed).toContain('GitHub: pull-request comment created on #7');

    await runCi(options(github_), () => {}, { isTTY: true, write: () => true });
    const patch = github.calls.find((call) => call.method === 'PATCH');
    expect(patch?.url).toBe('/repos/acme/shop/issues/comments/2');
    expect(github.comments).toHaveLength(2);
    expect(github.comments[1]!.body.startsWith('<!-- reprise -->')).toBe(true);
  });

  it('exits 2 with a clear message when the candidate or the server is unreachable', async () => {
    const closed = await startTinyApp();
    await closed.close();
    const candidate = runCi(options({ candidate: `${closed.origin}/` }), () => {});
    await expect(candidate).rejects.toThrow(CliError);
    await expect(candidate).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`The candidate ${closed.origin}/ is unreachable (ECONNREFUSED)`) });
    const server = runCi({ ...options(), server: closed.origin }, () => {});
    await expect(server).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`Cannot reach the Reprise server at ${closed.origin}`) });
  });
});
