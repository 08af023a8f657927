import type { ElementHandle, Locator, Page } from 'playwright-core';
import type { ActionTarget, StepAction, StepObservation, TargetCandidate } from '../protocol/index.js';
import { describeCandidate } from './candidateLocator.js';
import { formatCallLog, resolveTarget, type ResolvedTarget } from './resolveTarget.js';
import { syntheticValue } from './syntheticValue.js';
import { joinTarget } from './targetUrl.js';

/**
 * A hidden or disabled element should fail fast instead of eating the whole step budget. 1.5 s was too tight for a
 * freshly loaded page's first click on a machine at load 10 (a CI run saw a plain button come out not-actionable);
 * a real regression (a disabled or covered control) pays the extra 1.5 s once per affected step.
 */
export const ACTIONABILITY_TIMEOUT_MS = 3_000;
const MAX_SYNTHETIC_FILE_BYTES = 1024 * 1024;

export interface StepContext {
  target: string;
  fixtures: Record<string, string>;
  seed: string;
  navigationTimeoutMs: number;
  /**
   * The element the previous step acted on, offered for reuse when this step targets the same recorded element on
   * the same page. The caller sets it only across light steps (a focus click, a select-all, a fill inside a form),
   * which change nothing but the field, so the match found a moment ago still holds. Set by performStep.
   */
  lastTarget?: { page: Page; key: string; element: Element; matchedBy: TargetCandidate | 'coordinates' };
}

export type StepOutcomeReport = Pick<StepObservation, 'outcome' | 'outcomeReason' | 'matchedBy'> & { status?: number };

type Element = Locator | ElementHandle<globalThis.Element>;

/** Performs one step on the page. Failures to find or act on the target are outcomes, never exceptions. */
export async function performStep(page: Page, action: StepAction, context: StepContext): Promise<StepOutcomeReport> {
  switch (action.type) {
    case 'navigate': {
      const response = await page.goto(joinTarget(context.target, action.url), { waitUntil: 'domcontentloaded', timeout: context.navigationTimeoutMs });
      return { outcome: 'performed', status: response?.status() };
    }
    case 'scroll':
      await page.evaluate(([x, y]) => window.scrollTo(x, y), [action.x, action.y] as const);
      return { outcome: 'performed' };
    case 'resize':
      await page.setViewportSize({ width: action.width, height: action.height });
      return { outcome: 'performed' };
    case 'drag':
      await page.mouse.move(action.from.x, action.from.y);
      await page.mouse.down();
      await page.mouse.move(action.to.x, action.to.y, { steps: 8 });
      await page.mouse.up();
      return { outcome: 'performed' };
    case 'press':
      if (!action.target) {
        await page.keyboard.press(action.key);
        return { outcome: 'performed' };
      }
      return onTarget(page, action.target, context, (element) => element.press(action.key, { timeout: ACTIONABILITY_TIMEOUT_MS }));
    default:
      return onTarget(page, action.target, context, (element) => act(element, action, context));
  }
}

async function onTarget(page: Page, target: ActionTarget, context: StepContext, perform: (element: Element) => Promise<unknown>): Promise<StepOutcomeReport> {
  const key = JSON.stringify(target.candidates);
  const last = context.lastTarget;
  context.lastTarget = undefined;
  const resolved: ResolvedTarget =
    last && last.page === page && last.key === key
      ? { kind: 'found', element: last.element, matchedBy: last.matchedBy, callLog: [`same element as the previous step (${last.matchedBy === 'coordinates' ? 'coordinates' : describeCandidate(last.matchedBy)})`] }
      : await resolveTarget(page, target);
  if (resolved.kind === 'missing') {
    const frames = page.frames().length - 1;
    // Targets are resolved in the top document only; saying so saves a reader from hunting a selector bug.
    const frameHint = frames > 0 ? ` The page has ${frames} frame(s); replay looks for targets in the top document only.` : '';
    return { outcome: 'target-missing', outcomeReason: `No element matches the recorded ${describeTarget(target)}.${frameHint}\n${formatCallLog(resolved.callLog)}` };
  }
  if (resolved.kind === 'hidden') {
    return {
      outcome: 'not-actionable',
      matchedBy: resolved.matchedBy,
      outcomeReason: `The recorded ${describeTarget(target)} exists but is not visible.\n${formatCallLog(resolved.callLog)}`,
    };
  }
  const matchedBy: TargetCandidate | 'coordinates' = resolved.matchedBy;
  try {
    context.lastTarget = { page, key, element: resolved.element, matchedBy };
    await perform(resolved.element);
    return { outcome: 'performed', matchedBy };
  } catch (error) {
    context.lastTarget = undefined;
    const message = String((error as Error).message ?? error).split('\n').slice(0, 6).join('\n');
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      outcome: timedOut ? 'not-actionable' : 'error',
      matchedBy,
      outcomeReason: `${timedOut ? `Found the ${describeTarget(target)} but it did not become actionable (visible, enabled, stable) within ${ACTIONABILITY_TIMEOUT_MS} ms` : `Acting on the ${describeTarget(target)} failed`}: ${message}\n${formatCallLog(resolved.callLog)}`,
    };
  }
}

async function act(element: Element, action: Exclude<StepAction, { type: 'navigate' | 'scroll' | 'resize' | 'drag' | 'press' }>, context: StepContext): Promise<void> {
  const timeout = ACTIONABILITY_TIMEOUT_MS;
  switch (action.type) {
    case 'click':
    case 'hover':
      await (action.type === 'click' ? element.click({ timeout, modifiers: action.modifiers }) : element.hover({ timeout, modifiers: action.modifiers }));
      return;
    case 'dblclick':
      await element.dblclick({ timeout, modifiers: action.modifiers });
      return;
    case 'contextmenu':
      await element.click({ button: 'right', timeout, modifiers: action.modifiers });
      return;
    case 'fill':
      await element.fill(fillValue(action, context), { timeout });
      return;
    case 'check':
      await element.setChecked(action.checked, { timeout });
      return;
    case 'select':
      await element.selectOption(action.values, { timeout });
      return;
    case 'submit':
      await (element as Locator).evaluate((node: any) => {
        const form = node.tagName === 'FORM' ? node : node.closest('form');
        if (!form) throw new Error('the target is neither a form nor inside one');
        form.requestSubmit();
      });
      return;
    case 'file':
      await element.setInputFiles(
        action.files.map((file) => ({ name: file.name, mimeType: file.type || 'application/octet-stream', buffer: Buffer.alloc(Math.min(file.size, MAX_SYNTHETIC_FILE_BYTES), 0x61) })),
        { timeout },
      );
      return;
  }
}

/** The value typed into a field: a fixture for the field, else a synthetic value of the masked shape, else the recorded value. */
export function fillValue(action: Extract<StepAction, { type: 'fill' }>, context: Pick<StepContext, 'fixtures' | 'seed'>): string {
  if (action.field && context.fixtures[action.field] !== undefined) return context.fixtures[action.field];
  if (action.masked) return syntheticValue(action.masked, context.seed);
  return action.value ?? '';
}

export function describeTarget(target: ActionTarget): string {
  return target.role && target.name ? `${target.role} ${JSON.stringify(target.name)}` : `<${target.tag}>${target.name ? ` ${JSON.stringify(target.name)}` : ''}`;
}
