// A real customer session recorded on the demo shop (recorder embedded, events through Reprise's ingest), then
// (1) exported as a Playwright spec and run with @playwright/test, and (2) replayed live and stubbed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoEnvironment, type DemoEnvironment } from '../../../e2e/harness/demoEnvironment.js';
import type { Trajectory } from '../../../protocol/index.js';
import { exportPlaywrightTest, recordedNetworkOf, replaySession, toTrajectory } from '../../index.js';
import { recordShopSessions, type RecordedShopSession } from '../fixtures/recordShopSessions.js';
import { runExportedSpec } from '../fixtures/runExportedSpec.js';

let env: DemoEnvironment;
let dataDir: string;
let session: RecordedShopSession;
let trajectory: Trajectory;
const saveBlob = async () => 'unused';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reprise-replayer-shop-'));
  env = await startDemoEnvironment({ dataDir, variants: ['baseline', 'checkout-500'] });
  [session] = await recordShopSessions(env, ['guest-checkout']);
  trajectory = toTrajectory(session.summary.id, session.events);
}, 180_000);

afterAll(async () => {
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const shopUrl = (variant: 'baseline' | 'checkout-500') => env.deployments.get(variant)!.url;

describe('replayer | exported Playwright spec of a recorded session', () => {
  it('passes with @playwright/test against the baseline and fails against checkout-500 where the order is lost', async () => {
    expect(trajectory.endPath).toMatch(/^\/orders\/\d+\/confirmation$/);
    const spec = exportPlaywrightTest(trajectory, { testName: 'guest checkout still works' });

    const baseline = await runExportedSpec(spec, shopUrl('baseline'));
    expect(baseline.output).toContain('1 passed');
    expect(baseline.exitCode, baseline.output).toBe(0);

    const regression = await runExportedSpec(spec, shopUrl('checkout-500'));
    expect(regression.exitCode, regression.output).not.toBe(0);
    expect(regression.output).toContain('1 failed');
    expect(regression.output).toContain('expect(page).toHaveURL(expected) failed');
    expect(regression.output).toMatch(/Received string: +"http:\/\/127\.0\.0\.1:\d+\/checkout"/);
  }, 240_000);
});

describe('replayer | network modes on a recorded session', () => {
  it('extracts the recorded fetch/xhr exchanges with their bodies', () => {
    const network = recordedNetworkOf(session.events);
    expect(network.map((record) => `${record.method} ${new URL(record.url).pathname} ${record.status}`)).toEqual([
      'GET /api/products 200',
      'GET /api/products/5 200',
      'POST /api/cart 201',
      'POST /api/orders 201',
    ]);
    expect(JSON.parse(network[3].responseBody!)).toMatchObject({ order: { id: expect.any(Number) } });
  });

  // The shop renders its cart and checkout pages on the server from state the API calls build up, so stubbing
  // every call would leave those pages empty; hybrid mode stubs only the endpoint whose backend changed.
  it('shows the backend failure of checkout-500 live, and none with /api/orders stubbed: the frontend did not change', async () => {
    const recordedNetwork = recordedNetworkOf(session.events);
    const common = { browser: env.browser, trajectory, target: shopUrl('checkout-500'), saveBlob, screenshots: false };
    const live = await replaySession({ ...common, mode: 'live' });
    const hybrid = await replaySession({ ...common, mode: 'hybrid', recordedNetwork, stubbedPaths: ['/api/orders'] });

    const orders = (result: typeof live) => result.steps.flatMap((step) => step.requests).filter((request) => request.path === '/api/orders');
    const fetchFailures = (result: typeof live) =>
      result.steps.flatMap((step) => step.requests).filter((request) => request.resourceType !== 'document' && (request.status >= 400 || request.status === 0));
    expect(live.status).toBe('completed');
    expect(orders(live)).toEqual([expect.objectContaining({ method: 'POST', status: 500 })]);
    expect(fetchFailures(live)).toHaveLength(1);
    expect(live.steps.at(-1)!.url).toBe('/checkout');

    expect(hybrid.status, hybrid.error).toBe('completed');
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.steps.filter((step) => step.outcome !== 'performed').map((step) => `${step.index}: ${step.outcomeReason}`)).toEqual([]);
    expect(orders(hybrid)).toEqual([expect.objectContaining({ method: 'POST', status: 201, responseShape: expect.stringContaining('order:{') })]);
    expect(fetchFailures(hybrid)).toEqual([]);
    expect(hybrid.steps.at(-1)!.url).toMatch(/^\/orders\/\d+\/confirmation$/);
  }, 180_000);

  it('reports requests the recording never made as notes on the step', async () => {
    const withoutCart = recordedNetworkOf(session.events).filter((record) => !record.url.endsWith('/api/cart'));
    const result = await replaySession({ browser: env.browser, trajectory, target: shopUrl('baseline'), saveBlob, screenshots: false, mode: 'stubbed', recordedNetwork: withoutCart });
    const notes = result.steps.flatMap((step) => (step.notes ?? []).map((note) => `${step.index}: ${note}`));
    expect(notes).toEqual([`3: Stubbed replay: POST /api/cart was not in the recording; it was answered 504.`]);
  }, 180_000);
});
