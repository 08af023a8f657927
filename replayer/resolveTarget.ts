import type { ElementHandle, Locator, Page } from 'playwright-core';
import type { ActionTarget, Rect, TargetCandidate } from '../protocol/index.js';
import { candidateLocator, describeCandidate } from './candidateLocator.js';

type AriaRole = Parameters<Page['getByRole']>[0];

export type ResolvedTarget =
  | { kind: 'found'; element: Locator | ElementHandle<Element>; matchedBy: TargetCandidate | 'coordinates'; callLog: string[] }
  | { kind: 'missing'; callLog: string[] }
  /** Elements matched but none was visible. */
  | { kind: 'hidden'; matchedBy: TargetCandidate; callLog: string[] };

/** Of many visible matches, the nearest to the recorded box is sought among the first this many. */
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
    // Most targets pass the identity check: asking for the candidate and the recorded identity in one query saves
    // the second round trip. Only when that finds nothing does the candidate alone say why.
    let identity = identityLocator(page, candidate, target);
    if (identity) {
      const verified = await pick(candidateLocator(page, candidate).and(identity.locator), target.rect).catch(() => undefined);
      // A role Playwright does not know (or a bad selector, reported below) cannot be verified: trust the candidate.
      if (!verified) identity = undefined;
      if (verified?.kind === 'chosen') {
        callLog.push(matchedLine(label, verified.of));
        return { kind: 'found', element: verified.locator, matchedBy: candidate, callLog };
      }
    }
    let picked: Picked;
    try {
      picked = await pick(candidateLocator(page, candidate), target.rect);
    } catch (error) {
      callLog.push(`${label}: invalid selector or page navigating (${firstLine(error)})`);
      continue;
    }
    if (picked.kind === 'none') {
      callLog.push(`${label}: no element matches`);
      continue;
    }
    if (picked.kind === 'hidden') {
      callLog.push(`${label}: ${picked.count} element(s) match but none is visible`);
      hidden ??= candidate;
      continue;
    }
    if (picked.kind === 'ambiguous') {
      callLog.push(`${label}: ${picked.of} visible elements match and no recorded box to choose between them`);
      continue;
    }
    if (identity) {
      callLog.push(`${label}: matched an element, but ${identity.mismatch}`);
      continue;
    }
    callLog.push(matchedLine(label, picked.of));
    return { kind: 'found', element: picked.locator, matchedBy: candidate, callLog };
  }
  const byPoint = await elementAtPoint(page, target, callLog);
  if (byPoint) return { kind: 'found', element: byPoint, matchedBy: 'coordinates', callLog };
  if (hidden) return { kind: 'hidden', matchedBy: hidden, callLog };
  return { kind: 'missing', callLog };
}

function matchedLine(label: string, of: number): string {
  return `${label}: matched${of > 1 ? ` (nearest of ${of} to the recorded box)` : ''}`;
}

type Picked =
  | { kind: 'none' }
  | { kind: 'hidden'; count: number }
  | { kind: 'ambiguous'; of: number }
  | { kind: 'chosen'; locator: Locator; of: number };

/**
 * The one visible match, or the nearest to the recorded box of several; one round trip in the common case.
 * Counted in Playwright's utility world, where its actions and accessibility snapshots run: anything asked in the
 * page's main world (evaluateAll, boundingBox) first sets up a second selector engine there, ~35 ms on each new
 * document of the demo shop. Only a choice between several visible matches reads their boxes there.
 */
async function pick(locator: Locator, rect: Rect | undefined): Promise<Picked> {
  const visible = locator.filter({ visible: true });
  const visibleCount = await visible.count();
  if (visibleCount === 1) return { kind: 'chosen', locator: visible, of: 1 };
  if (visibleCount === 0) {
    const count = await locator.count();
    return count === 0 ? { kind: 'none' } : { kind: 'hidden', count };
  }
  if (!rect) return { kind: 'ambiguous', of: visibleCount };
  return { kind: 'chosen', locator: visible.nth(await nearestIndex(visible, rect)), of: visibleCount };
}

async function nearestIndex(visible: Locator, rect: Rect): Promise<number> {
  const boxes = await visible.evaluateAll(
    (elements, max) =>
      elements.slice(0, max).map((element) => {
        const box = element.getBoundingClientRect();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      }),
    MAX_MATCHES_INSPECTED,
  );
  const centreX = rect.x + rect.width / 2;
  const centreY = rect.y + rect.height / 2;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  boxes.forEach((box, index) => {
    const distance = Math.hypot(box.x + box.width / 2 - centreX, box.y + box.height / 2 - centreY);
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

/** `Call log:` block in the style of Playwright's errors. */
export function formatCallLog(callLog: readonly string[]): string {
  return `Call log:\n${callLog.map((line) => `  - ${line}`).join('\n')}`;
}

/**
 * A non-role candidate can land on the wrong element (a css path shifted by a new sibling, a text reused
 * elsewhere). The recorded role must still hold; css paths, the weakest, must keep the accessible name too.
 * Undefined when there is nothing to verify, or the role is one Playwright does not know (the candidate is trusted).
 */
function identityLocator(page: Page, candidate: TargetCandidate, target: ActionTarget): { locator: Locator; mismatch: string } | undefined {
  if (candidate.by === 'role' || !target.role) return undefined;
  const checkName = candidate.by === 'css' && Boolean(target.name);
  try {
    const locator = page.getByRole(target.role as AriaRole, checkName ? { name: target.name, exact: true } : {});
    return { locator, mismatch: checkName ? `it is not a ${target.role} named ${JSON.stringify(target.name)}` : `its role is not ${target.role}` };
  } catch {
    return undefined;
  }
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
