// What Playwright does on each bench page, and how it waits until the recorder has finished its share of the work.
import type { Page } from 'playwright-core';
import { FORM_FIELDS } from './pages/formPage.js';
import type { Variant } from './recorderVariants.js';

export const PAGE_NAMES = ['mutation-heavy', 'form flow', 'large page'] as const;
export type PageName = (typeof PAGE_NAMES)[number];
export const PAGE_PATHS: Record<PageName, string> = { 'mutation-heavy': '/mutation', 'form flow': '/form', 'large page': '/large' };

async function moveAndClick(page: Page, selector: string, steps: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`Bench form flow: expected ${selector} to be visible, but it has no bounding box. Check pages/formPage.ts.`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps });
  await page.mouse.down();
  await page.mouse.up();
}

/** Fills the sign-up form as a person would: moves the mouse to each field, clicks, types, then submits. */
export async function fillForm(page: Page, options: { keyDelayMs: number; mouseSteps: number }): Promise<void> {
  await moveAndClick(page, '#tab-help', options.mouseSteps);
  await moveAndClick(page, '#tab-details', options.mouseSteps);
  for (const [name, , value] of FORM_FIELDS) {
    await moveAndClick(page, `#${name}`, options.mouseSteps);
    await page.keyboard.type(value, { delay: options.keyDelayMs });
  }
  await moveAndClick(page, '#submit', options.mouseSteps);
  await page.waitForFunction(() => (window as any).__benchDone === true);
}

export async function drive(page: Page, name: PageName): Promise<void> {
  if (name === 'form flow') return fillForm(page, { keyDelayMs: 0, mouseSteps: 2 });
  await page.waitForFunction(() => (window as any).__benchDone === true, undefined, { timeout: 30_000 });
}

/**
 * Waits until the recorder has done its work: bare rrweb has taken its full snapshot (it waits for `load`), Reprise
 * has compressed and posted everything it holds. Returns false when Reprise's kill switch stopped the recording.
 */
export async function settle(page: Page, variant: Variant): Promise<boolean> {
  let recording = true;
  if (variant === 'bare rrweb') {
    await page.waitForFunction(() => ((window as any).__rrwebEvents || []).some((event: { type: number }) => event.type === 2));
  }
  if (variant === 'reprise') {
    await page.waitForFunction(() => typeof (window as any).Reprise?.flush === 'function');
    recording = await page.evaluate(async () => {
      const reprise = (window as any).Reprise;
      await reprise.flush();
      return reprise.getSessionId() !== undefined;
    });
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return recording;
}
