import type { CDPSession, Page } from 'playwright-core';
import type { PageState } from './observePage.js';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * A PNG of the viewport. Straight over the DevTools protocol with Chromium's fast PNG encoder: page.screenshot()
 * spends a third of its time on per-call setup this replay already has for good (its init stylesheet ends CSS
 * animations and transitions and hides the caret; observePage waited for fonts). Only a page with running Web
 * Animations goes through page.screenshot({ animations: 'disabled' }), which pauses them for the shot.
 */
export async function screenshotOf(page: Page, state: Pick<PageState, 'animating'>): Promise<Buffer | undefined> {
  if (!state.animating) {
    try {
      const session = await sessionOf(page);
      const { data } = await session.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
      return Buffer.from(data, 'base64');
    } catch {
      // A page mid-navigation or a closed session: fall through to Playwright's path, which waits it out.
    }
  }
  return page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' }).catch(() => undefined);
}

/** Opens the page's DevTools session ahead of its first screenshot, while the first navigation runs. */
export function prepareScreenshots(page: Page): void {
  void sessionOf(page).catch(() => undefined);
}

function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
    session.catch(() => sessions.delete(page));
  }
  return session;
}
