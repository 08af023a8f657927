import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const DEBIAN_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags that let Chromium run as root on a closed network: without the background-networking ones Chromium keeps
 * trying to reach Google's hosts and gets its connections refused.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--font-render-hinting=none',
];

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
  readonly code = 'BROWSER_NOT_FOUND';
}

/** REPRISE_CHROMIUM, then Debian's /usr/bin/chromium, then Playwright's own install. */
export function resolveChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.REPRISE_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new BrowserNotFoundError(
        `REPRISE_CHROMIUM is set to ${fromEnv}, but no file is there. Point it at a Chromium binary or unset it to use ${DEBIAN_CHROMIUM_PATH}.`,
      );
    }
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM_PATH)) return DEBIAN_CHROMIUM_PATH;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when it has no browser of its own; fall through to the actionable message.
  }
  throw new BrowserNotFoundError(
    `No Chromium found: REPRISE_CHROMIUM is unset, ${DEBIAN_CHROMIUM_PATH} does not exist, and Playwright has no browser installed. ` +
      `Install one with "apt-get install chromium" (Debian/Ubuntu) or "npx playwright install chromium", or set REPRISE_CHROMIUM to a Chromium binary.`,
  );
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: options.executablePath ?? resolveChromiumPath(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
