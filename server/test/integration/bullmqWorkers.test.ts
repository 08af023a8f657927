// Two `reprise worker` processes share a run's replay jobs through BullMQ on a real redis-server; one is killed
// with SIGKILL mid-job, and the run still ends with exactly one result per session.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_RRWEB_LOGIN_PAGE as LOGIN_PAGE } from '../../../replayer/test/fixtures/plainRrwebLoginPage.js';
import type { RecordedEvent, RunSummary } from '../../../protocol/index.js';
import { loadConfig } from '../../config.js';
import { importRrwebEvents } from '../../http/importRrwebEvents.js';
import { startReprise, type RunningReprise } from '../../startReprise.js';
import { startRedisServer, stopChild, type RedisServer } from '../helpers/redisServer.js';
import { spawnWorker, type WorkerProcess } from '../helpers/workerProcess.js';

const SESSIONS = 5;
const ADMIN_TOKEN = 'admin-token-bullmq-test-0001';
// Short locks so that the killed worker's job moves to the other worker within seconds, not the default 30 s.
const LOCK_MS = '10000';
const RUN_TIMEOUT_MS = 150_000;


describe('server/jobs | BullMQ backend with reprise worker processes', () => {
  let redis: RedisServer;
  let app: Server;
  let origin: string;
  let dataDir: string;
  let reprise: RunningReprise;
  let socket: Socket;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    app = createServer((_request, response) => response.setHeader('content-type', 'text/html').end(LOGIN_PAGE));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'reprise-bullmq-'));
    const config = loadConfig({ port: 0, data: dataDir, redisUrl: redis.url }, { REPRISE_PROJECT_KEY: 'bullmq-test-key', REPRISE_ADMIN_TOKEN: ADMIN_TOKEN, REPRISE_LOG_LEVEL: 'silent' });
    reprise = await startReprise(config, { worker: false });
    const events = JSON.parse(readFileSync(new URL('../../../replayer/test/fixtures/plainRrwebLogin.json', import.meta.url), 'utf8')) as RecordedEvent[];
    for (let index = 0; index < SESSIONS; index++) await importRrwebEvents(reprise.store, 'default', events, `session-${index}`);
    socket = connectSocket(reprise.url, { auth: { token: ADMIN_TOKEN }, transports: ['websocket'] });
    await socket.emitWithAck('join', 'default');
    const env = { REPRISE_REDIS_URL: redis.url, REPRISE_DATA_DIR: dataDir, REPRISE_JOB_LOCK_MS: LOCK_MS };
    workers.push(...(await Promise.all([spawnWorker(env, ['--concurrency', '1']), spawnWorker(env, ['--concurrency', '1'])])));
  }, 120_000);

  afterAll(async () => {
    socket?.close();
    await Promise.all(workers.map((worker) => stopChild(worker.child)));
    await reprise?.close();
    await redis?.stop();
    app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shares the jobs, survives a worker killed mid-job, and keeps exactly one result per session', async () => {
    const updates: RunSummary[] = [];
    socket.on('run:updated', (run: RunSummary) => updates.push(run));
    const project = (await reprise.store.getProject('default'))!;
    const run = await reprise.runs.startRun(project, { baseline: origin, candidate: origin, sessions: 'all' });
    expect(reprise.runs.backend).toBe('bullmq');

    const [victim, survivor] = workers;
    const completedByVictim = await victim.waitFor((line) => line.msg === 'replay job completed', 'a completed replay', RUN_TIMEOUT_MS);
    const startedAgain = await victim.waitFor(
      (line) => line.msg === 'replay job started' && line.sessionId !== completedByVictim.sessionId,
      'the start of its second replay',
      RUN_TIMEOUT_MS,
    );
    victim.child.kill('SIGKILL');
    const killedMidJob = startedAgain.sessionId!;

    const finished = await waitForRun(reprise, run.id);
    expect(finished.status).toBe('completed');
    const results = await reprise.store.listSessionResults('default', run.id);
    const sessionIds = results.map((result) => result.sessionId).sort();
    expect(sessionIds).toEqual(Array.from({ length: SESSIONS }, (_, index) => `session-${index}`));
    expect(results.filter((result) => result.verdict.status === 'error').map((result) => result.verdict.error)).toEqual([]);
    expect(finished.report?.sessions).toHaveLength(SESSIONS);
    expect(finished.progress).toEqual({ total: SESSIONS, done: SESSIONS });

    // The victim finished one job before it died; the survivor took over the one it was killed in.
    const completedBy = (worker: WorkerProcess) => worker.lines.filter((line) => line.msg === 'replay job completed').map((line) => line.sessionId);
    expect(completedBy(victim)).not.toContain(killedMidJob);
    expect(completedBy(survivor)).toContain(killedMidJob);
    expect(completedBy(survivor).length).toBeGreaterThanOrEqual(1);
    expect(completedBy(victim).length + completedBy(survivor).length).toBeGreaterThanOrEqual(SESSIONS);
    // The finalizing worker logs after it has stored the completed run, and its output reaches this process through
    // a pipe: wait for the line, then require that no second worker finalized the run as well.
    const finalized = () => workers.flatMap((worker) => worker.lines).filter((line) => line.msg === 'run finalized');
    await expect.poll(() => finalized().length, { timeout: 10_000 }).toBeGreaterThan(0);

    // Workers' progress reached the dashboard socket through BullMQ's queue events.
    await expect.poll(() => updates.some((update) => update.id === run.id && update.status === 'completed'), { timeout: 10_000 }).toBe(true);
    expect(updates.some((update) => update.id === run.id && update.status === 'running' && update.progress.done > 0)).toBe(true);
    expect(finalized()).toHaveLength(1);
  }, RUN_TIMEOUT_MS + 30_000);
});

async function waitForRun(reprise: RunningReprise, runId: string) {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const run = await reprise.store.getRun('default', runId);
    if (run && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`Run ${runId} did not finish within ${RUN_TIMEOUT_MS} ms; last state: ${JSON.stringify(run?.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
