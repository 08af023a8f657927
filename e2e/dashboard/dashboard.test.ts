// The dashboard, driven in headless Chromium against a real Reprise server and a real run of the demo shop's
// checkout-500 regression: log in, watch the run, open the predicted ticket and its session, play the recording,
// triage, and see the model update. Screenshots of each page land in e2e/artifacts/ (the run page also in docs/).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOADER_SNIPPET, type RunDetail } from '../../protocol/index.js';
import { DEMO_PASSWORD } from '../apps/shop/index.js';
import { DEMO_ADMIN_PASSWORD, DEMO_PROJECT_KEY, startDemoEnvironment, type DemoEnvironment } from '../harness/demoEnvironment.js';
import { apiClient, buildDashboard, imageLoaded, README_SCREENSHOT, saveScreenshot, VIEWPORT } from './dashboardHarness.js';

let env: DemoEnvironment;
let dataDir: string;
let context: BrowserContext;
let page: Page;
let client: ReturnType<typeof apiClient>;
let run: RunDetail;

beforeAll(async () => {
  buildDashboard();
  dataDir = await mkdtemp(join(tmpdir(), 'reprise-dashboard-'));
  env = await startDemoEnvironment({ dataDir, variants: ['baseline', 'checkout-500'] });
  const flows = await env.recordCustomers();
  expect(flows.filter((flow) => !flow.ok)).toEqual([]);
  client = apiClient(env.reprise.url);
  context = await env.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
}, 300_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The predicted ticket for checkout-500: Place order answers HTTP 500. */
const regressionTicket = () => page.locator('article.ticket', { has: page.getByRole('heading', { level: 3, name: /place order|500/i }) }).first();

describe('e2e/dashboard | reviewer flow', () => {
  it('refuses a wrong password, then logs in as admin', async () => {
    await page.goto(env.reprise.url);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password|credentials|invalid/i);
    await saveScreenshot(page, 'login');
    await page.getByLabel('Password').fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
  });

  it('shows a run started through the API on the runs page live, without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
    const started = await client.startRun(env.deployments.get('baseline')!.url, env.deployments.get('checkout-500')!.url);
    const row = page.locator(`a[href="#/runs/${started.id}"]`);
    await row.waitFor();
    run = await client.waitForRun(started.id, () => env.reprise.runs.drain());
    expect(run.status).toBe('completed');
    await expect.poll(() => page.locator('tr', { has: row }).textContent()).toMatch(/completed/i);
    expect(navigations).toEqual([]);
    expect(run.counts.tickets).toBeGreaterThan(0);
    await saveScreenshot(page, 'runs');
  }, 900_000);

  it('opens the run with the predicted ticket for the failing Place order first', async () => {
    await page.locator(`a[href="#/runs/${run.id}"]`).first().click();
    await page.getByRole('heading', { name: 'Predicted tickets' }).waitFor();
    const titles = await page.locator('article.ticket h3').allTextContents();
    expect(titles.some((title) => /place order|500/i.test(title)), titles.join('\n')).toBe(true);
    const probabilities = (await page.locator('article.ticket .ticket-head .badge').allTextContents()).map((text) => parseFloat(text));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'run', { copyTo: README_SCREENSHOT });
  });

  it('opens the divergent session with baseline, candidate and diff images that load', async () => {
    await regressionTicket().getByRole('link', { name: 'open first session' }).click();
    await page.getByRole('list', { name: 'Steps' }).waitFor();
    const baseline = page.getByRole('img', { name: 'Baseline screenshot' }).first();
    const candidate = page.getByRole('img', { name: 'Candidate screenshot' }).first();
    await candidate.waitFor();
    expect(await imageLoaded(baseline)).toBe(true);
    expect(await imageLoaded(candidate)).toBe(true);
    // The diff image belongs to the steps that changed visually: find the first one that has it.
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
    let diffShown = false;
    for (let index = 0; index < (await steps.count()) && !diffShown; index++) {
      await steps.nth(index).click();
      const toggle = page.getByLabel('Show diff');
      if (!(await toggle.count())) continue;
      await toggle.check();
      const diff = page.getByRole('img', { name: 'Visual difference' }).first();
      await diff.waitFor();
      diffShown = await imageLoaded(diff);
    }
    expect(diffShown).toBe(true);
    await saveScreenshot(page, 'session');
  });

  it('plays the original recording in a sandboxed iframe without scripts', async () => {
    await page.getByRole('button', { name: 'Show recording' }).click();
    const frame = page.locator('.recording-stage iframe');
    await frame.waitFor({ state: 'attached' });
    const sandbox = await frame.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toContain('allow-scripts');
    await page.locator('.recording-stage .rr-controller').waitFor();
    await saveScreenshot(page, 'session-recording');
  });

  it('exports the session as a Playwright spec', async () => {
    const href = await page.getByRole('link', { name: 'Export Playwright test' }).getAttribute('href');
    const response = await page.request.get(`${env.reprise.url}${href}`);
    expect(response.status()).toBe(200);
    const spec = await response.text();
    expect(spec).toContain('@playwright/test');
    expect(spec).toMatch(/test\(/);
  });

  it('triages the predicted ticket as a ticket and shows that the model retrained', async () => {
    await page.goto(`${env.reprise.url}/#/runs/${run.id}`);
    const ticket = regressionTicket();
    await ticket.getByRole('button', { name: 'Would be a ticket' }).click();
    await expect.poll(() => ticket.locator('.success').last().textContent()).toMatch(/Model updated \(trained on [1-9]\d* labels\)/);
  });

  it('labels several divergent sessions at once with bulk triage', async () => {
    const table = page.locator('table', { has: page.getByRole('checkbox', { name: 'Select every divergent session' }) });
    await table.getByRole('checkbox', { name: 'Select every divergent session' }).check();
    const selected = await table.locator('tbody input[type=checkbox]:checked').count();
    expect(selected).toBeGreaterThan(0);
    const bulk = page.getByRole('region', { name: 'Bulk triage' });
    await bulk.getByRole('button', { name: 'Would be a ticket' }).click();
    await expect.poll(() => bulk.locator('.success').textContent()).toMatch(new RegExp(`Labelled ${selected} sessions? .*Model updated \\(trained on [1-9]\\d* labels\\)`));
    expect(await table.locator('tbody input[type=checkbox]:checked').count()).toBe(0);
  });

  it('shows the retrained model with its weights and calibration', async () => {
    await page.getByRole('link', { name: 'Model', exact: true }).click();
    await page.getByRole('heading', { name: 'Ticket model' }).waitFor();
    expect(await page.locator('.page-head').textContent()).toMatch(/Trained on [1-9]\d* labels?/);
    expect(await page.getByRole('list', { name: 'Model weights' }).getByRole('listitem').count()).toBeGreaterThan(5);
    expect(Number(await page.getByTestId('brier-score').textContent())).toBeGreaterThanOrEqual(0);
    // The triage refits above are plotted; a benchmark result posted like `reprise eval --server` is the default view.
    await client.call('POST', '/api/model/evaluations', { precision: 0.8, recall: 1, falseAlarmRate: 0, cases: 5 });
    await page.reload();
    const plot = page.getByTestId('evaluation-plot');
    expect(await plot.getAttribute('aria-label')).toMatch(/Benchmark evaluations: 1\. .*precision 80%, recall 100%/);
    await page.getByRole('button', { name: /Own triage labels/ }).click();
    expect(await plot.getAttribute('aria-label')).toMatch(/Refits on triage labels: [1-9]/);
    await saveScreenshot(page, 'model');
  });

  it('filters recorded sessions by URL and shows an empty state when nothing matches', async () => {
    await page.getByRole('link', { name: 'Sessions', exact: true }).click();
    const filters = page.getByRole('search', { name: 'Filter sessions' });
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    await filters.getByLabel('URL').fill('/checkout');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(all);
    expect(await rows.count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'sessions');
    await filters.getByLabel('URL').fill('/no-such-page-anywhere');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No recorded sessions').waitFor();
  });

  it('edits settings, keeps fixture values masked, and creates then revokes an API token', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const projectId = (await env.reprise.store.getProjectByIngestKey(DEMO_PROJECT_KEY))!.id;
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(DEMO_PASSWORD);
    expect(await page.getByRole('cell', { name: 'password', exact: true }).count()).toBe(1);
    // The install to paste: the inline loader and the deferred tag, with this project's key and this server's URL.
    const install = await page.getByLabel('Recorder install snippet').textContent();
    expect(install).toContain(LOADER_SNIPPET);
    expect(install).toContain(`<script src="${env.reprise.url}/recorder.js" data-project="${DEMO_PROJECT_KEY}" defer></script>`);

    await page.getByLabel('Selection budget (sessions per run)').fill('40');
    await page.getByLabel('Request paths').fill('/api/analytics*');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('.form-actions').textContent()).toContain('Settings saved.');
    const saved = await client.call<{ selectionBudget?: number; ignore: { requestPaths: string[] } }>('GET', `/api/projects/${projectId}/settings`);
    expect(saved).toMatchObject({ selectionBudget: 40, ignore: { requestPaths: ['/api/analytics*'] } });

    const schedules = page.getByRole('form', { name: 'Schedules' });
    await schedules.getByRole('button', { name: 'Add schedule' }).click();
    await schedules.getByLabel('Cron (UTC)').fill('every night');
    await schedules.getByLabel('Candidate URL').fill(env.deployments.get('checkout-500')!.url);
    await schedules.getByRole('button', { name: 'Save schedules' }).click();
    await expect.poll(() => schedules.getByRole('alert').textContent()).toMatch(/every night/);
    await schedules.getByLabel('Cron (UTC)').fill('0 3 1 1 *');
    await schedules.getByRole('button', { name: 'Save schedules' }).click();
    await expect.poll(() => schedules.getByTestId('schedule-next').textContent()).toMatch(/^Next runs: \d{4}-(01-01|12-31) /);
    expect(await client.call<{ items: unknown[] }>('GET', '/api/schedules')).toMatchObject({ items: [{ cron: '0 3 1 1 *' }] });
    await schedules.getByRole('button', { name: 'Remove schedule 1' }).click();
    await schedules.getByRole('button', { name: 'Save schedules' }).click();
    await expect.poll(() => schedules.getByRole('status').textContent()).toContain('none left');

    await page.getByLabel('Token name').fill('dashboard-e2e');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = await page.getByLabel(/it is not shown again/).inputValue();
    const sessions = () => fetch(`${env.reprise.url}/api/sessions?project=${projectId}`, { headers: { authorization: `Bearer ${shown}` } });
    expect((await sessions()).status).toBe(200);
    await saveScreenshot(page, 'settings');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke token dashboard-e2e' }).click();
    await page.getByText('No tokens created from the dashboard yet.').waitFor();
    expect((await sessions()).status).toBe(401);
  });
});
