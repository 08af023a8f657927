// Labels through HTTP change later predictions: a triage decision and real customer tickets (direct, webhook,
// GitHub import) on a real server with the embedded store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionVerdict, StepObservation } from '../../../protocol/index.js';
import { analyzeSession, defaultModel, type ModelState } from '../../analysis/index.js';
import { loadConfig } from '../../config.js';
import { startReprise, type RunningReprise } from '../../startReprise.js';
import { firstBatch } from '../helpers/batches.js';
import { checkoutSteps, memoryBlobs, replay, request, withStep } from '../unit/analysis/fixtures.js';

const TOKEN = 'ticket-learning-admin-token-0001';
const SESSION_START = 1_700_000_000_000;
let reprise: RunningReprise;
let dataDir: string;

const headers = { authorization: `Bearer ${TOKEN}`, 'x-reprise-project': 'default', 'content-type': 'application/json' };

async function post(pathname: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${reprise.url}${pathname}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

function orderFails(): StepObservation[] {
  return withStep(checkoutSteps('https://preview.test'), 2, {
    url: 'https://preview.test/checkout',
    aria: checkoutSteps()[1].aria,
    text: checkoutSteps()[1].text,
    requests: [request('POST', '/api/orders', 500)],
  });
}

/** A restyle's reworded heading: cosmetic, predicted well below a ticket by the prior. */
const REWORDED = withStep(checkoutSteps('https://preview.test'), 0, { text: 'Home Cart (2) Review your order Email Place order Updated 3 seconds ago' });

async function analyze(sessionId: string, candidate: StepObservation[], model: ModelState): Promise<SessionVerdict> {
  const blobs = memoryBlobs();
  return analyzeSession({ sessionId, baseline: replay(checkoutSteps()), candidate: replay(candidate), loadBlob: blobs.loadBlob, saveBlob: blobs.saveBlob, model });
}

async function storedModel(): Promise<ModelState> {
  return ((await reprise.store.getModelState('default')) as ModelState | undefined) ?? defaultModel();
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-tickets-'));
  reprise = await startReprise(loadConfig({ port: 0, data: dataDir }, { REPRISE_PROJECT_KEY: 'ticket-learning-key-0001', REPRISE_ADMIN_TOKEN: TOKEN, REPRISE_ADMIN_PASSWORD: 'x-password-for-tests', REPRISE_LOG_LEVEL: 'silent' }));
  await reprise.store.appendBatch('default', firstBatch('sess-broken', { userId: 'u-42', start: SESSION_START, href: 'https://shop.example/checkout' }));
  await reprise.store.appendBatch('default', firstBatch('sess-restyle', { userId: 'u-7', start: SESSION_START, href: 'https://shop.example/checkout' }));
  const verdicts = [await analyze('sess-broken', orderFails(), defaultModel()), await analyze('sess-restyle', REWORDED, defaultModel())];
  await reprise.store.createRun({
    id: 'run-1', projectId: 'default', status: 'completed', trigger: 'api', baseline: { url: 'https://baseline.test' }, candidate: { url: 'https://preview.test' },
    createdAt: SESSION_START, progress: { total: 2, done: 2 }, counts: { replayed: 2, diverged: 2, errors: 0, tickets: 1 },
  });
  for (const verdict of verdicts) await reprise.store.putSessionResult('default', { runId: 'run-1', sessionId: verdict.id, verdict });
}, 60_000);

afterAll(async () => {
  await reprise?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('tickets | labels change later predictions', () => {
  it('a triage decision posted through HTTP changes the next analyzeSession with the stored model', async () => {
    const before = (await analyze('later', REWORDED, await storedModel())).ticketProbability;
    for (let index = 0; index < 3; index++) {
      const triage = await post('/api/triage', { runId: 'run-1', sessionId: 'sess-restyle', decision: 'ticket', comment: `reviewer ${index}` });
      expect(triage.status, JSON.stringify(triage.json)).toBe(201);
    }
    const model = await storedModel();
    expect(model.trainedOn).toBeGreaterThan(0);
    const after = (await analyze('later', REWORDED, model)).ticketProbability;
    expect(after).toBeGreaterThan(before + 0.05);
    const labels = await reprise.store.listLabels('default');
    expect(labels[0]).toMatchObject({ source: 'triage', route: '/checkout', decision: 'ticket' });
  });

  it('links a customer ticket to the user\'s session near that time and labels its divergence', async () => {
    const linked = await post('/api/tickets', { title: 'Cannot place my order', time: new Date(SESSION_START + 3_600_000).toISOString(), userId: 'u-42', url: 'https://shop.example/checkout' });
    expect(linked.status, JSON.stringify(linked.json)).toBe(201);
    expect(linked.json.sessionIds).toEqual(['sess-broken']);
    expect(linked.json.labels).toEqual([{ runId: 'run-1', sessionId: 'sess-broken', step: 2, kind: 'request-failed' }]);
    expect(linked.json.model.trainedOn).toBe(4);
    const tooLate = await post('/api/tickets', { title: 'Cannot place my order', time: SESSION_START + 30 * 86_400_000, userId: 'u-42' });
    expect(tooLate.json).toMatchObject({ sessionIds: [], labels: [] });
  });

  it('imports GitHub issues and webhook tickets, and refuses a ticket it cannot link', async () => {
    const imported = await post('/api/tickets/import/github', [
      { number: 12, title: 'Checkout broken', created_at: '2023-11-14T23:00:00Z', body: 'Steps...\nsession: sess-broken' },
      { number: 13, title: 'Feature request', created_at: '2023-11-14T23:00:00Z', body: 'Dark mode please' },
    ]);
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ imported: 1, labelled: 1, skipped: [{ title: 'Feature request' }] });
    expect(imported.json.tickets[0].ticketId).toBe('github-12');

    const hooked = await post('/api/tickets/webhook', { ticket: { id: 991, subject: 'Order fails', created_at: SESSION_START + 60_000, requester: { id: 'u-42' } } });
    expect(hooked.status, JSON.stringify(hooked.json)).toBe(201);
    expect(hooked.json).toMatchObject({ ticketId: 'webhook-991', sessionIds: ['sess-broken'] });
    const labels = (await reprise.store.listLabels('default')).filter((label) => label.source === 'customer-ticket');
    expect(labels.map((label) => label.id).sort()).toEqual(
      expect.arrayContaining(['github-12:run-1:sess-broken', 'webhook-991:run-1:sess-broken']),
    );

    const invalid = await post('/api/tickets', { title: 'No one to link', time: SESSION_START });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('INVALID_TICKET');
    expect(invalid.json.error.message).toContain('a ticket needs a userId or a sessionId');
  });
});
