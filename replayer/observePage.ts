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
  /**
   * What proves the DOM unchanged: document id, mutation count and form-field state. Equal fingerprints mean the
   * accessibility tree is the same, so its snapshot can be reused. Absent when the page could not be read.
   */
  fingerprint?: string;
  /** The document and its mutation count when the page was read: a later equal count proves the DOM unchanged since. */
  document?: string;
  mutations?: number;
  /** Web Animations were running when the page was read: a screenshot must pause them first (see screenshot.ts). */
  animating?: boolean;
}

/** What one round trip reads of the page: everything the fingerprint needs, and the text. */
export interface PageReading {
  title: string;
  text: string;
  fingerprint?: string;
  document?: string;
  mutations?: number;
  animating?: boolean;
}

/** What is known of the page before its accessibility snapshot: everything but `aria`, and whether it will be reused. */
export type PageReadout = Omit<PageState, 'aria'> & { ariaReused: boolean };

/**
 * What the page shows after a step, normalized so that two runs of the same app compare equal. Title, text and
 * the DOM fingerprint come from one round trip; the accessibility snapshot (the costly part) is reused from
 * `previous` only when the fingerprint proves the page did not change since.
 */
export async function observePage(page: Page, target: string, previous?: PageState): Promise<PageState> {
  return (await observePageAlongside(page, target, previous, async () => undefined)).state;
}

/**
 * observePage, with `alongside` started once the page is read and running while the accessibility snapshot is
 * taken: a screenshot is encoded in the browser process while the snapshot runs in the renderer, so the two
 * overlap instead of adding up. Both read the same DOM: nothing on the page changes between them.
 */
export async function observePageAlongside<T>(
  page: Page,
  target: string,
  previous: PageState | undefined,
  alongside: (readout: PageReadout) => Promise<T>,
  /** The page's reading, if the quiet verdict just took it (quiescence.ts `read`). */
  alreadyRead?: PageReading,
): Promise<{ state: PageState; alongside: T }> {
  const url = relativeToTarget(target, page.url());
  const reading = alreadyRead ?? (await readPage(page));
  const ariaReused = reading.fingerprint !== undefined && previous?.fingerprint === reading.fingerprint && previous.url === url;
  const fullText = normalizeText(reading.text);
  const readout: PageReadout = { url, title: reading.title, text: fullText.slice(0, MAX_TEXT_CHARS), textDigest: createHash('sha1').update(fullText).digest('hex'), ariaReused };
  // Read before the snapshot: the mutation count only grows, so a DOM change during the snapshot can never make a
  // later fingerprint equal this one and reuse a stale tree.
  if (reading.fingerprint !== undefined) readout.fingerprint = reading.fingerprint;
  if (reading.document !== undefined) Object.assign(readout, { document: reading.document, mutations: reading.mutations });
  if (reading.animating) readout.animating = true;
  const extra = alongside(readout);
  const aria = ariaReused && previous
    ? previous.aria
    : await page
        // page.ariaSnapshot() finds <body> and snapshots it in one round trip of the utility world; the same tree
        // through locator('body') costs three (resolve, snapshot, dispose): 5-7 ms more per look on the demo shop.
        .ariaSnapshot({ timeout: SNAPSHOT_TIMEOUT_MS })
        .then((snapshot) => normalizeAria(snapshot).slice(0, MAX_ARIA_CHARS))
        .catch(() => '');
  const { ariaReused: _reused, ...rest } = readout;
  return { state: { ...rest, aria }, alongside: await extra };
}

async function readPage(page: Page): Promise<PageReading> {
  return page
    .evaluate(async () => {
      // Text measured, and later photographed, in fallback fonts would differ from a run where the fonts arrived.
      if (document.fonts.status !== 'loaded') await document.fonts.ready;
      // The init script's own reading, the one the quiet verdict takes (pageInitScript.ts); a document it did not
      // reach (about:blank) has no fingerprint, so its accessibility tree is never reused.
      const read = (window as unknown as { __repriseRead?: () => PageReading }).__repriseRead;
      if (read) return read();
      return { title: document.title, text: document.body?.innerText ?? '', animating: document.getAnimations().some((animation) => animation.playState === 'running') };
    })
    .catch(async () => ({ title: await page.title().catch(() => ''), text: '' }));
}

/** Volatile text normalized line by line, keeping the YAML indentation that carries the tree structure. */
function normalizeAria(snapshot: string): string {
  return snapshot
    .split('\n')
    .map((line) => (line.match(/^\s*/)?.[0] ?? '') + normalizeText(line))
    .join('\n');
}
