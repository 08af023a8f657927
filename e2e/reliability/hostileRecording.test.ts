// Hostile recordings: a session is untrusted data. One crafted to run script (script elements, inline handlers,
// javascript: links, srcdoc frames, markup in action names, divergence summaries and ticket texts) is played
// and browsed in the real dashboard in Chromium; no payload may run anywhere.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../replayer/browser.js';
import { buildDashboard } from '../dashboard/dashboardHarness.js';
import { HOSTILE_RUN_ID, HOSTILE_SESSION_ID, hostileBatch, hostileRunResult, markupPayload } from './hostileRecording.js';
import { ADMIN_PASSWORD, startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';

const DIST_WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

describe('e2e/reliability | hostile recordings', () => {
  let server: ReliabilityServer;
  let attacker: http.Server;
  let attackerUrl: string;
  const attackerHits: string[] = [];
  const blockedRequests: string[] = [];
  const dialogs: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // `npm test` builds dist first; a lone run of this file builds the dashboard itself.
    if (!fs.existsSync(DIST_WEB_INDEX)) buildDashboard();
    attacker = http.createServer((req, res) => {
      attackerHits.push(`${req.method} ${req.url}`);
      res.end('stolen');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    server = await startReliabilityServer();
    const ingested = await fetch(`${server.url}/api/ingest`, {
      method: 'POST', headers: { 'x-reprise-key': server.projectA.ingestKey, 'content-type': 'application/json' }, body: JSON.stringify(hostileBatch(attackerUrl)),
    });
    expect(ingested.status, await ingested.clone().text()).toBe(200);
    const { run, result } = hostileRunResult(attackerUrl, server.projectA.id);
    await server.store.createRun(run);
    await server.store.putSessionResult(server.projectA.id, result);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // Recorded pages name their real origin (shop.example): nothing may leave loopback, and the attacker's
    // server is reached only if a payload runs.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith(attackerUrl) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:srcdoc') return route.continue();
      blockedRequests.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  /** __pwned in every frame, read from inside the frame and, for script-less sandboxed frames, from the top. */
  async function pwnedAnywhere(): Promise<string[]> {
    const found: string[] = [];
    for (const frame of page.frames()) {
      const value = await evaluateWithin(frame, () => (window as { __pwned?: unknown }).__pwned);
      if (value !== undefined && value !== 'no-script') found.push(`${frame.url()}: ${String(value)}`);
    }
    const fromTop = await page.evaluate(() => {
      const seen: string[] = [];
      const visit = (win: Window, label: string) => {
        if ((win as { __pwned?: unknown }).__pwned !== undefined) seen.push(label);
        for (let index = 0; index < win.frames.length; index++) {
          try {
            visit(win.frames[index]!, `${label}/${index}`);
          } catch {
            // A cross-origin frame: its globals cannot be read from here, and it cannot reach ours either.
          }
        }
      };
      visit(window, 'top');
      return seen;
    });
    return [...found, ...fromTop];
  }

  async function assertNothingRan(): Promise<void> {
    expect(await pwnedAnywhere()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(attackerHits).toEqual([]);
  }

  it('logs in and plays the hostile session in a sandboxed player iframe without scripts', async () => {
    await page.goto(server.url);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();

    await page.goto(`${server.url}/#/sessions`);
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    // The identify payload is the session's user id: the table shows it as text.
    await expect.poll(() => page.locator('table').textContent()).toContain('<img src=x onerror=');
    await page.getByRole('button', { name: /^Play/ }).first().click();
    const playerFrame = page.locator('.recording-stage iframe');
    await playerFrame.waitFor({ state: 'attached' });
    const sandbox = await playerFrame.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox!.split(/\s+/)).not.toContain('allow-scripts');

    await page.locator('.rr-controller__btns button').first().click();
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame() && candidate.parentFrame() === page.mainFrame());
    expect(frame, 'the player rebuilt the recording in a child frame').toBeDefined();
    // The rebuilt page is really there (so the payload elements were rebuilt, not dropped before they could run).
    await expect.poll(() => page.evaluate(() => document.querySelector('.recording-stage iframe')?.getAttribute('srcdoc') ?? (document.querySelector('.recording-stage iframe') as HTMLIFrameElement | null)?.contentDocument?.body?.textContent ?? '')).toContain('Hostile checkout');
    const link = frame!.locator('#hostile-link');
    if (await link.isVisible()) await link.click({ force: true, timeout: 5_000 }).catch(() => link.dispatchEvent('click'));
    await page.waitForTimeout(2_500);
    await assertNothingRan();
  });

  it('renders the run page and its texts as text, never as markup', async () => {
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/#/runs/${HOSTILE_RUN_ID}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(500);
    await assertNothingRan();
  });

  it('renders the session-in-run page, its steps and its recording without running anything', async () => {
    await page.goto(`${server.url}/#/runs/${HOSTILE_RUN_ID}/sessions/${HOSTILE_SESSION_ID}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Show recording' }).click();
    const playerFrame = page.locator('.recording-stage iframe');
    await playerFrame.waitFor({ state: 'attached' });
    expect((await playerFrame.getAttribute('sandbox'))!.split(/\s+/)).not.toContain('allow-scripts');
    await page.waitForTimeout(1_500);
    await assertNothingRan();
    // Every request the recording named outside loopback was stopped, and none of them was the attacker's.
    expect(blockedRequests.filter((url) => url.includes('127.0.0.1'))).toEqual([]);
  });

  // The control: the same payload, parsed as markup where script may run, is caught by every detector above.
  it('catches a payload that does run (the detectors are live)', async () => {
    await page.goto(`${server.url}/#/runs`);
    await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), markupPayload(attackerUrl, 'control'));
    await expect.poll(() => attackerHits.length).toBeGreaterThan(0);
    expect(await pwnedAnywhere()).toContain('top');
    expect(dialogs).toEqual(['control']);
    expect(attackerHits).toEqual(['GET /control']);
  });
});

/** Frames without allow-scripts may refuse evaluation: that is a frame where nothing could have run. */
async function evaluateWithin(frame: Frame, read: () => unknown): Promise<unknown> {
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('no-script'), 2_000));
  return Promise.race([frame.evaluate(read).catch(() => 'no-script'), timeout]);
}
