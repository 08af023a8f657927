// One cost sample: a fresh browser context, CDP Performance metrics enabled before navigation, the page's scenario,
// the recorder settled, then the renderer's accumulated main-thread task and script time.
import type { Browser } from 'playwright-core';
import { PAGE_PATHS, drive, settle, type PageName } from './scenarios.js';
import type { Variant } from './recorderVariants.js';

export interface CostSample {
  taskMs: number;
  scriptMs: number;
  /** False when Reprise's mutation kill switch stopped recording during the run. */
  recording: boolean;
}

export async function measureMainThread(browser: Browser, appOrigin: string, pageName: PageName, variant: Variant, key: string): Promise<CostSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const query = new URLSearchParams({ variant, key });
    await page.goto(`${appOrigin}${PAGE_PATHS[pageName]}?${query}`, { waitUntil: 'load' });
    await drive(page, pageName);
    const recording = await settle(page, variant);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const seconds = (name: string) => {
      const metric = metrics.find((entry) => entry.name === name);
      if (!metric) throw new Error(`Bench main-thread cost: expected CDP metric ${name} from Performance.getMetrics, found ${metrics.map((m) => m.name).join(', ')}.`);
      return metric.value;
    };
    return { taskMs: seconds('TaskDuration') * 1000, scriptMs: seconds('ScriptDuration') * 1000, recording };
  } finally {
    await context.close();
  }
}
