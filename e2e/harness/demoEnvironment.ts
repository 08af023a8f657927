// The whole loop on one machine: a Reprise server, the demo shop's baseline with the real recorder embedded,
// scripted customers recorded on it, and un-instrumented shop deployments (baseline and variants) to replay against.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../replayer/index.js';
import { loadConfig } from '../../server/config.js';
import { startReprise, type RunningReprise } from '../../server/startReprise.js';
import { driveCustomers } from '../apps/shop/customers.js';
import { DEMO_PASSWORD, startShop } from '../apps/shop/index.js';
import type { ShopVariant } from '../apps/shop/variants/index.js';

export const DEMO_PROJECT_KEY = 'demo-project-key';
export const DEMO_ADMIN_TOKEN = 'demo-admin-token';
export const DEMO_ADMIN_PASSWORD = 'demo-password';

type RunningShop = Awaited<ReturnType<typeof startShop>>;

export interface DemoEnvironment {
  reprise: RunningReprise;
  /** The recorded staging app (baseline code with the recorder embedded). */
  staging: RunningShop;
  /** Deployments to replay against, one per variant, without the recorder. */
  deployments: Map<ShopVariant, RunningShop>;
  browser: Browser;
  recordCustomers(): Promise<{ flow: string; ok: boolean; error?: string }[]>;
  close(): Promise<void>;
}

export async function startDemoEnvironment(options: {
  dataDir: string;
  port?: number;
  variants: ShopVariant[];
  shopPorts?: { staging?: number; first?: number };
  logLevel?: string;
}): Promise<DemoEnvironment> {
  const config = loadConfig(
    { port: options.port ?? 0, data: options.dataDir },
    {
      ...process.env,
      REPRISE_PROJECT_KEY: DEMO_PROJECT_KEY,
      REPRISE_ADMIN_TOKEN: DEMO_ADMIN_TOKEN,
      REPRISE_ADMIN_PASSWORD: DEMO_ADMIN_PASSWORD,
      REPRISE_LOG_LEVEL: options.logLevel ?? 'warn',
    },
  );
  const reprise = await startReprise(config);
  // The shop's demo account, typed into its masked password field at replay (see Project.replayFixtures).
  const project = (await reprise.store.getProjectByIngestKey(DEMO_PROJECT_KEY))!;
  await reprise.store.upsertProject({ ...project, replayFixtures: { password: DEMO_PASSWORD } });
  const staging = await startShop({
    variant: 'baseline',
    port: options.shopPorts?.staging,
    recorder: { scriptUrl: `${reprise.url}/recorder.js`, projectKey: DEMO_PROJECT_KEY },
  });
  const deployments = new Map<ShopVariant, RunningShop>();
  let port = options.shopPorts?.first;
  for (const variant of options.variants) {
    deployments.set(variant, await startShop({ variant, port }));
    if (port) port++;
  }
  const browser = await launchChromium();
  return {
    reprise,
    staging,
    deployments,
    browser,
    recordCustomers: () => driveCustomers(browser, staging.url),
    async close() {
      await browser.close().catch(() => {});
      await Promise.all([...deployments.values(), staging].map((shop) => shop.close()));
      await reprise.close();
    },
  };
}
