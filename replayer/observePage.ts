import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { normalizeText } from '../protocol/index.js';
import { relativeToTarget } from './targetUrl.js';

export const MAX_TEXT_CHARS = 5_000;
export const MAX_ARIA_CHARS = 20_000;
const SNAPSHOT_TIMEOUT_MS = 3_000;

export interface PageState {
  url: string;
  title: string;
  aria: string;
  text: string;
  textDigest: string;
}

/** What the page shows after a step, normalized so that two runs of the same app compare equal. */
export async function observePage(page: Page, target: string): Promise<PageState> {
  const url = relativeToTarget(target, page.url());
  const title = await page.title().catch(() => '');
  const aria = await page
    .locator('body')
    .ariaSnapshot({ timeout: SNAPSHOT_TIMEOUT_MS })
    .then((snapshot) => normalizeAria(snapshot).slice(0, MAX_ARIA_CHARS))
    .catch(() => '');
  const fullText = normalizeText(await page.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  return { url, title, aria, text: fullText.slice(0, MAX_TEXT_CHARS), textDigest: createHash('sha1').update(fullText).digest('hex') };
}

/** Volatile text normalized line by line, keeping the YAML indentation that carries the tree structure. */
function normalizeAria(snapshot: string): string {
  return snapshot
    .split('\n')
    .map((line) => (line.match(/^\s*/)?.[0] ?? '') + normalizeText(line))
    .join('\n');
}
