import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionTarget } from '../../../protocol/index.js';
import { launchChromium } from '../../browser.js';
import { formatCallLog, resolveTarget } from '../../resolveTarget.js';

const PAGE = `<!doctype html><html><body style="margin:0">
<button type="button" style="position:absolute;left:10px;top:10px;width:100px;height:30px">Delete</button>
<button type="button" style="position:absolute;left:10px;top:300px;width:100px;height:30px" id="second">Delete</button>
<label for="q">Search</label><input id="q" placeholder="Find products">
<button type="button" hidden data-testid="ghost">Ghost</button>
<a href="#help" style="position:absolute;left:400px;top:10px;width:80px;height:30px">Help</a>
</body></html>`;

describe('replayer | resolveTarget', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.setContent(PAGE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('tries candidates in rank order and logs why each one was passed over', async () => {
    const target: ActionTarget = {
      tag: 'input',
      role: 'textbox',
      name: 'Search',
      candidates: [
        { by: 'testid', value: 'search-box' },
        { by: 'role', role: 'textbox', name: 'Find' },
        { by: 'placeholder', value: 'Find products' },
        { by: 'label', value: 'Search' },
      ],
    };
    const resolved = await resolveTarget(page, target);
    expect(resolved.kind).toBe('found');
    expect(resolved.kind === 'found' && resolved.matchedBy).toEqual({ by: 'placeholder', value: 'Find products' });
    expect(resolved.callLog).toEqual(['testid "search-box": no element matches', 'role textbox "Find": no element matches', 'placeholder "Find products": matched']);
  });

  it('picks the match nearest the recorded box when several are visible, and skips ambiguity without one', async () => {
    const near = await resolveTarget(page, { tag: 'button', role: 'button', name: 'Delete', candidates: [{ by: 'text', value: 'Delete' }], rect: { x: 10, y: 290, width: 100, height: 30 } });
    expect(near.kind).toBe('found');
    if (near.kind === 'found') expect(await (near.element as import('playwright-core').Locator).getAttribute('id')).toBe('second');

    const ambiguous = await resolveTarget(page, { tag: 'button', candidates: [{ by: 'text', value: 'Delete' }] });
    expect(ambiguous).toEqual({ kind: 'missing', callLog: ['text "Delete": 2 visible elements match and no recorded box to choose between them', 'coordinates: none recorded'] });
  });

  it('rejects a candidate whose element does not have the recorded role, and uses coordinates only for the same tag', async () => {
    const wrongRole = await resolveTarget(page, { tag: 'a', role: 'link', name: 'Delete', candidates: [{ by: 'css', value: '#second' }], point: { x: 50, y: 25 } });
    expect(wrongRole.kind).toBe('missing');
    expect(formatCallLog(wrongRole.callLog)).toBe(
      'Call log:\n  - css "#second": matched an element, but it is not a link named "Delete"\n  - coordinates (50, 25): <button> there, expected <a>',
    );

    const byPoint = await resolveTarget(page, { tag: 'a', candidates: [{ by: 'text', value: 'Support' }], point: { x: 420, y: 20 } });
    expect(byPoint.kind === 'found' && byPoint.matchedBy).toBe('coordinates');
  });

  it('reports an element that exists but is hidden separately from a missing one', async () => {
    const hidden = await resolveTarget(page, { tag: 'button', candidates: [{ by: 'testid', value: 'ghost' }] });
    expect(hidden).toEqual({ kind: 'hidden', matchedBy: { by: 'testid', value: 'ghost' }, callLog: ['testid "ghost": 1 element(s) match but none is visible', 'coordinates: none recorded'] });
  });
});
