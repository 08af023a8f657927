// The demo, as a test: customers recorded on the shop's baseline with the real recorder, then `reprise ci` against
// the baseline itself and every variant. Regressions must be flagged with the right kind of divergence; the A/A run
// and the benign variants must predict no ticket.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, RunDetail, RunReport, SessionSummary } from '../protocol/index.js';
import { runCi } from '../server/cli/ciCommand.js';
import { signDeploymentWebhook } from '../server/triggers/index.js';
import { SHOP_VARIANTS, type ShopVariant } from './apps/shop/variants/index.js';
import { DEMO_ADMIN_TOKEN, DEMO_PROJECT_KEY, startDemoEnvironment, type DemoEnvironment } from './harness/demoEnvironment.js';

// Each run replays every session three or four times in Chromium: generous limits for shared, loaded machines.
const RUN_TIMEOUT_MS = 600_000;

let env: DemoEnvironment;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reprise-loop-'));
  env = await startDemoEnvironment({ dataDir, variants: SHOP_VARIANTS.map((variant) => variant.name) });
  const flows = await env.recordCustomers();
  expect(flows.filter((flow) => !flow.ok)).toEqual([]);
}, RUN_TIMEOUT_MS);

afterAll(async () => {
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function ci(variant: ShopVariant): Promise<{ exitCode: number; report: RunReport; output: string[] }> {
  const json = join(dataDir, `${variant}.json`);
  const output: string[] = [];
  const exitCode = await runCi(
    {
      server: env.reprise.url,
      project: DEMO_PROJECT_KEY,
      token: DEMO_ADMIN_TOKEN,
      baseline: env.deployments.get('baseline')!.url,
      candidate: env.deployments.get(variant)!.url,
      sessions: 'all',
      json,
    },
    (line) => output.push(line),
  );
  return { exitCode, report: JSON.parse(await readFile(json, 'utf8')) as RunReport, output };
}

describe('e2e | loop', () => {
  it('stores every recorded customer session with derived metadata', async () => {
    const response = await fetch(`${env.reprise.url}/api/sessions?project=${DEMO_PROJECT_KEY}`, {
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    });
    const page = (await response.json()) as Page<SessionSummary>;
    expect(page.items.length).toBeGreaterThanOrEqual(4);
    for (const session of page.items) {
      expect(session.missingSeqs).toEqual([]);
      expect(session.counts.clicks).toBeGreaterThan(0);
      expect(session.pages.length).toBeGreaterThan(0);
    }
  });

  for (const variant of SHOP_VARIANTS.filter((info) => info.kind === 'regression')) {
    it(`flags the regression ${variant.name} with a ${variant.expectedDivergence} divergence`, async () => {
      const { exitCode, report, output } = await ci(variant.name);
      const context = output.join('\n');
      expect(exitCode, context).toBe(1);
      expect(report.tickets.length, context).toBeGreaterThan(0);
      const kinds = report.sessions.flatMap((session) => session.divergences.filter((d) => !d.noise).map((d) => d.kind));
      expect(kinds, context).toContain(variant.expectedDivergence);
      expect(report.sessions.every((session) => session.status !== 'error'), context).toBe(true);
    }, RUN_TIMEOUT_MS);
  }

  for (const variant of SHOP_VARIANTS.filter((info) => info.kind !== 'regression')) {
    it(`predicts no ticket for ${variant.name === 'baseline' ? 'the baseline against itself' : `the benign change ${variant.name}`}`, async () => {
      const { exitCode, report, output } = await ci(variant.name);
      const context = output.join('\n');
      expect(report.tickets, context).toEqual([]);
      expect(exitCode, context).toBe(0);
      expect(report.sessions.every((session) => session.status !== 'error'), context).toBe(true);
    }, RUN_TIMEOUT_MS);
  }

  it('starts a run from a signed deployment webhook for a preview and ends with its predicted ticket', async () => {
    const secret = 'loop-webhook-secret';
    const project = (await env.reprise.store.getProjectByIngestKey(DEMO_PROJECT_KEY))!;
    await env.reprise.store.upsertProject({ ...project, webhookSecret: secret });
    const deploy = async (body: object) => {
      const raw = JSON.stringify(body);
      return fetch(`${env.reprise.url}/api/deployments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-reprise-signature': signDeploymentWebhook(secret, raw) },
        body: raw,
      });
    };
    const production = await deploy({ project: project.id, environment: 'production', url: env.deployments.get('baseline')!.url, commit: 'main-1' });
    expect(production.status, await production.clone().text()).toBeLessThan(300);
    const preview = await deploy({ project: project.id, environment: 'preview', url: env.deployments.get('checkout-500')!.url, commit: 'pr-42-a', branch: 'pr-42', pullRequest: 42 });
    const outcome = (await preview.json()) as { runId?: string };
    expect(outcome.runId, JSON.stringify(outcome)).toBeTruthy();

    let run: RunDetail | undefined;
    for (const started = Date.now(); Date.now() - started < RUN_TIMEOUT_MS - 30_000; ) {
      run = await (await fetch(`${env.reprise.url}/api/runs/${outcome.runId}?project=${DEMO_PROJECT_KEY}`, { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } })).json();
      if (run!.status !== 'running' && run!.status !== 'queued') break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(run?.status).toBe('completed');
    expect(run?.trigger).toBe('webhook');
    expect(run?.baseline.url).toBe(env.deployments.get('baseline')!.url);
    expect(run?.report?.tickets.map((ticket) => ticket.kind)).toContain('request-failed');
  }, RUN_TIMEOUT_MS);
});
