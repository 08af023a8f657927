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
    let chosen = visible[0];
    if (visible.length > 1) {
      if (!target.rect) {
        callLog.push(`${label}: ${visible.length} visible elements match and no recorded box to choose between them`);
        continue;
      }
      chosen = await nearest(visible, target.rect);
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

async function visibleMatches(locator: Locator, count: number): Promise<Locator[]> {
  const visible: Locator[] = [];
  for (let i = 0; i < Math.min(count, MAX_MATCHES_INSPECTED); i++) {
    const nth = locator.nth(i);
    if (await nth.isVisible().catch(() => false)) visible.push(nth);
  }
  return visible;
}

async function nearest(candidates: Locator[], rect: Rect): Promise<Locator> {
  const centreX = rect.x + rect.width / 2;
  const centreY = rect.y + rect.height / 2;
  let best = candidates[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const box = await candidate.boundingBox().catch(() => null);
    if (!box) continue;
    const distance = Math.hypot(box.x + box.width / 2 - centreX, box.y + box.height / 2 - centreY);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
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
