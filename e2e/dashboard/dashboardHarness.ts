// What the dashboard tests need around the demo environment: a fresh dashboard build, an API client that acts as
// the CI would, and page helpers that check what a reviewer would see (images that actually decoded).
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { RunDetail, RunSummary } from '../../protocol/index.js';
import { DEMO_ADMIN_TOKEN, DEMO_PROJECT_KEY } from '../harness/demoEnvironment.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS_DIR = join(root, 'e2e', 'artifacts');
export const README_SCREENSHOT = join(root, 'docs', 'dashboard-run.png');
export const VIEWPORT = { width: 1366, height: 900 };

/** The server serves dist/web: build it from the current sources so the test sees what it is testing. */
export function buildDashboard(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
}

export function apiClient(baseUrl: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${DEMO_ADMIN_TOKEN}`,
        'x-reprise-project': DEMO_PROJECT_KEY,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered HTTP ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    call,
    startRun: (baseline: string, candidate: string) =>
      call<RunSummary>('POST', '/api/runs', { baseline, candidate, sessions: 'all', trigger: 'api' }),
    async waitForRun(runId: string, drain: () => Promise<void>): Promise<RunDetail> {
      await drain();
      for (let attempt = 0; attempt < 600; attempt++) {
        const run = await call<RunDetail>('GET', `/api/runs/${runId}`);
        if (run.status !== 'queued' && run.status !== 'running') return run;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`Run ${runId} did not finish after draining the queue.`);
    },
  };
}

/** True once the image has decoded with a real size: a broken blob URL leaves naturalWidth at 0. */
export async function imageLoaded(image: Locator): Promise<boolean> {
  await image.scrollIntoViewIfNeeded();
  return image.evaluate(async (element) => {
    const img = element as HTMLImageElement;
    if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
    return img.naturalWidth > 0;
  });
}

export async function saveScreenshot(page: Page, name: string, options: { copyTo?: string } = {}): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  if (options.copyTo) {
    await mkdir(dirname(options.copyTo), { recursive: true });
    await copyFile(file, options.copyTo);
  }
  return file;
}
