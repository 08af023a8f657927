import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationPoint, ModelView } from '../../../protocol/index.js';
import { runEval } from '../../cli/evalCommand.js';
import { refitProjectModel } from '../../runs/triage.js';
import { ADMIN_PASSWORD, ADMIN_TOKEN, adminHeaders, startTestServer, type TestServer } from '../helpers/testServer.js';

describe('server/http | POST /api/model/evaluations and the model history', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = adminHeaders()) =>
    fetch(`${server.url}/api/model/evaluations`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const model = async (project = 'default') =>
    (await (await fetch(`${server.url}/api/model`, { headers: adminHeaders(project) })).json()) as ModelView;

  it('starts with an empty history', async () => {
    expect((await model()).evaluationHistory).toEqual([]);
  });

  it('appends benchmark results in time order and returns them from GET /api/model', async () => {
    const later = await post({ precision: 0.75, recall: 1, falseAlarmRate: 0.1, cases: 6, at: 2_000_000 });
    expect(later.status).toBe(201);
    expect((await later.json()) as EvaluationPoint).toEqual({ source: 'benchmark', precision: 0.75, recall: 1, falseAlarmRate: 0.1, cases: 6, at: 2_000_000 });
    expect((await post({ precision: 0.5, recall: 0.5, at: 1_000_000 })).status).toBe(201);
    const history = (await model()).evaluationHistory!;
    expect(history.map((point) => point.at)).toEqual([1_000_000, 2_000_000]);
    expect(history.every((point) => point.source === 'benchmark')).toBe(true);
    // The stored weights are still the prior's: recording an evaluation does not touch the model.
    expect((await model()).trainedOn).toBe(0);
  });

  it('refuses values outside 0..1 with a message naming the field', async () => {
    const response = await post({ precision: 1.5, recall: 1 });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('INVALID_EVALUATION');
    expect(error.message).toMatch(/precision/);
  });

  it('needs the CSRF token when signed in with a cookie, and keeps other projects apart', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = await login.json();
    const asUser = (headers: Record<string, string>) => post({ precision: 1, recall: 1 }, { cookie, 'x-reprise-project': server.projectB.id, ...headers });
    expect((await asUser({})).status).toBe(403);
    expect((await asUser({ 'x-csrf-token': csrfToken })).status).toBe(201);
    expect((await model(server.projectB.id)).evaluationHistory).toHaveLength(1);
    expect((await post({ precision: 1, recall: 1 }, { authorization: `Bearer ${server.projectB.token}`, 'x-reprise-project': 'default' })).status).toBe(403);
  });

  it('records the result of `reprise eval --server` on the project', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-eval-post-'));
    try {
      fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify({ app: 'tiny', baseline: 'baseline', cases: [{ variant: 'baseline', kind: 'baseline' }] }));
      const report = { run: { id: 'r', baseline: 'b', candidate: 'c', durationMs: 1, status: 'completed', createdAt: 0 }, sessions: [], tickets: [] };
      fs.writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(report));
      const lines: string[] = [];
      const before = (await model(server.projectB.id)).evaluationHistory!.length;
      await runEval({ bench: dir, reports: dir, server: server.url, project: server.projectB.id, token: ADMIN_TOKEN }, (line) => lines.push(line));
      expect(lines.at(-1)).toContain(`Recorded the evaluation on ${server.url}`);
      const history = (await model(server.projectB.id)).evaluationHistory!;
      expect(history).toHaveLength(before + 1);
      expect(history.at(-1)).toMatchObject({ source: 'benchmark', precision: 1, recall: 1, falseAlarmRate: 0, cases: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the history across refits and adds how each refit does on its own labels', async () => {
    const label = (id: string, decision: 'ticket' | 'noise', severity: number) =>
      server.store.addLabel({ id, projectId: 'default', runId: 'run-1', sessionId: 's', decision, features: { severity }, createdAt: 1 });
    await label('a', 'ticket', 3);
    await label('b', 'ticket', 3);
    await label('c', 'noise', 0);
    await refitProjectModel(server.store, 'default');
    const view = await model();
    expect(view.trainedOn).toBe(3);
    const history = view.evaluationHistory!;
    expect(history.filter((point) => point.source === 'benchmark')).toHaveLength(2);
    const refit = history.find((point) => point.source === 'labels');
    expect(refit).toMatchObject({ source: 'labels', cases: 3, recall: 1, precision: 1, falseAlarmRate: 0 });
  });
});
