import type { Browser } from 'playwright-core';
import { launchChromium } from '../../replayer/index.js';

/**
 * One shared Chromium for every replay of this process: sessions run as separate contexts. A browser that crashed
 * or disconnected is relaunched on the next request, so one crash fails only the sessions that were running.
 */
export class BrowserPool {
  private browser?: Promise<Browser>;

  async get(): Promise<Browser> {
    if (this.browser) {
      const current = await this.browser.catch(() => undefined);
      if (current?.isConnected()) return current;
    }
    this.browser = launchChromium();
    return this.browser;
  }

  async close(): Promise<void> {
    const current = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await current?.close().catch(() => {});
  }
}
