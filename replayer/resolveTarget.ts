import type { ElementHandle, Locator, Page } from 'playwright-core';
import type { ActionTarget, Rect, TargetCandidate } from '../protocol/index.js';
import { candidateLocator, describeCandidate } from './candidateLocator.js';

type AriaRole = Parameters<Page['getByRole']>[0];

export type ResolvedTarget =
  | { kind: 'found'; element: Locator | ElementHandle<Element>; matchedBy: TargetCandidate | 'coordinates'; callLog: string[] }
  | { kind: 'missing'; callLog: string[] }
  /** Elements matched but none was visible. */
  | { kind: 'hidden'; matchedBy: TargetCandidate; callLog: string[] };

/** More matches than this is a selector that means something else on this page. */
const MAX_MATCHES_INSPECTED = 20;
const INTERACTIVE = 'button, a[href], input, select, textarea, summary, label, [role=button], [role=link], [role=checkbox], [role=menuitem], [role=tab], [role=option]';

/**
 * Finds the element a recorded action targeted: candidates in rank order, each accepted only when it matches one
 * visible element (or, given the recorded box, the nearest of several), then coordinates as the last resort.
 * Never throws for a missing element: the caller turns `missing` into a `target-missing` outcome.
 */
export async function resolveTarget(page: Page, target: ActionTarget): Promise<ResolvedTarget> {
  const callLog: string[] = [];
  let hidden: TargetCandidate | undefined;
  for (const candidate of target.candidates) {
    const label = describeCandidate(candidate);
    let locator: Locator;
    let count: number;
    try {
      locator = candidateLocator(page, candidate);
      count = await locator.count();
    } catch (error) {
      callLog.push(`${label}: invalid selector (${firstLine(error)})`);
      continue;
    }
    if (count === 0) {
      callLog.push(`${label}: no element matches`);
      continue;
    }
    const visible = await visibleMatches(locator, count);
    if (visible.length === 0) {
      callLog.push(`${label}: ${count} element(s) match but none is visible`);
      hidden ??= candidate;
      continue;
    }
    let chosen = visible[0].locator;
    if (visible.length > 1) {
      if (!target.rect) {
        callLog.push(`${label}: ${visible.length} visible elements match and no recorded box to choose between them`);
        continue;
      }
      chosen = nearest(visible, target.rect);
    }
    const mismatch = await identityMismatch(page, chosen, candidate, target);
    if (mismatch) {
      callLog.push(`${label}: matched an element, but ${mismatch}`);
      continue;
    }
    callLog.push(`${label}: matched${visible.length > 1 ? ` (nearest of ${visible.length} to the recorded box)` : ''}`);
    return { kind: 'found', element: chosen, matchedBy: candidate, callLog };
  }
  const byPoint = await elementAtPoint(page, target, callLog);
  if (byPoint) return { kind: 'found', element: byPoint, matchedBy: 'coordinates', callLog };
  if (hidden) return { kind: 'hidden', matchedBy: hidden, callLog };
  return { kind: 'missing', callLog };
}

/** `Call log:` block in the style of Playwright's errors. */
export function formatCallLog(callLog: readonly string[]): string {
  return `Call log:\n${callLog.map((line) => `  - ${line}`).join('\n')}`;
}

interface MatchBox {
  visible: boolean;
  /** False where visibility cannot be told the way Playwright does (display: contents): asked per element. */
  certain: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Visible matches with their boxes, in one round trip instead of one `isVisible` and one `boundingBox` per match
 * (a catalogue page has a dozen "Add to cart" buttons). Visibility follows Playwright's rule: a non-empty box and
 * computed visibility 'visible'.
 */
async function visibleMatches(locator: Locator, count: number): Promise<Array<{ locator: Locator; box: MatchBox }>> {
  const boxes = await locator
    .evaluateAll(
      (elements, max) =>
        elements.slice(0, max).map((element) => {
          const rect = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          return {
            visible: style.visibility === 'visible' && rect.width > 0 && rect.height > 0,
            certain: style.display !== 'contents',
            x: rect.x,
            y: rect.y,
            width: rect.width,
            height: rect.height,
          };
        }),
      MAX_MATCHES_INSPECTED,
    )
    .catch(() => undefined);
  const visible: Array<{ locator: Locator; box: MatchBox }> = [];
  for (let i = 0; i < Math.min(count, MAX_MATCHES_INSPECTED); i++) {
    const nth = locator.nth(i);
    const box = boxes?.[i];
    const isVisible = box?.certain ? box.visible : await nth.isVisible().catch(() => false);
    if (!isVisible) continue;
    const fallback = box ? undefined : await nth.boundingBox().catch(() => null);
    visible.push({ locator: nth, box: box ?? { visible: true, certain: false, ...(fallback ?? { x: Number.NaN, y: Number.NaN, width: 0, height: 0 }) } });
  }
  return visible;
}

function nearest(candidates: Array<{ locator: Locator; box: MatchBox }>, rect: Rect): Locator {
  const centreX = rect.x + rect.width / 2;
  const centreY = rect.y + rect.height / 2;
  let best = candidates[0].locator;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const { locator, box } of candidates) {
    const distance = Math.hypot(box.x + box.width / 2 - centreX, box.y + box.height / 2 - centreY);
    if (distance < bestDistance) [best, bestDistance] = [locator, distance];
  }
  return best;
}

/**
 * A non-role candidate can land on the wrong element (a css path shifted by a new sibling, a text reused
 * elsewhere). The recorded role must still hold; css paths, the weakest, must keep the accessible name too.
 */
async function identityMismatch(page: Page, chosen: Locator, candidate: TargetCandidate, target: ActionTarget): Promise<string | undefined> {
  if (candidate.by === 'role' || !target.role) return undefined;
  const checkName = candidate.by === 'css' && Boolean(target.name);
  try {
    const expected = page.getByRole(target.role as AriaRole, checkName ? { name: target.name, exact: true } : {});
    if ((await chosen.and(expected).count()) > 0) return undefined;
  } catch {
    return undefined; // a role Playwright does not know cannot be verified; trust the candidate
  }
  return checkName ? `it is not a ${target.role} named ${JSON.stringify(target.name)}` : `its role is not ${target.role}`;
}

async function elementAtPoint(page: Page, target: ActionTarget, callLog: string[]): Promise<ElementHandle<Element> | undefined> {
  if (!target.point) {
    callLog.push('coordinates: none recorded');
    return undefined;
  }
  const { x, y } = target.point;
  const handle = await page
    .evaluateHandle(
      ([px, py, selector]) => {
        const hit = document.elementFromPoint(px, py);
        return hit?.closest(selector) ?? hit;
      },
      [x, y, INTERACTIVE] as const,
    )
    .catch(() => undefined);
  const element = handle?.asElement() ?? undefined;
  const tag = element ? await element.evaluate((node) => node.tagName.toLowerCase()) : undefined;
  if (element && tag === target.tag) {
    callLog.push(`coordinates (${x}, ${y}): <${tag}> there, as recorded`);
    return element as ElementHandle<Element>;
  }
  callLog.push(`coordinates (${x}, ${y}): ${tag ? `<${tag}> there` : 'nothing there'}, expected <${target.tag}>`);
  await handle?.dispose();
  return undefined;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
