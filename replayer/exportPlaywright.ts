import type { ActionTarget, ReplayResult, StepAction, StepObservation, TargetCandidate, Trajectory } from '../protocol/index.js';
import { fillValue } from './performStep.js';

export interface ExportOptions {
  /** Origin the test runs against; omit to rely on the Playwright config's `baseURL`. */
  baseUrl?: string;
  /** A replay of the trajectory: its matched candidates and final state make the test sharper. */
  result?: ReplayResult;
  testName?: string;
}

/** A readable `@playwright/test` spec that performs the trajectory and asserts the end state the replay observed. */
export function exportPlaywrightTest(trajectory: Trajectory, options: ExportOptions = {}): string {
  const observations = new Map((options.result?.steps ?? []).map((step) => [step.index, step]));
  const url = (path: string) => (options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}${path}` : path);
  const lines: string[] = [
    `import { test, expect } from '@playwright/test';`,
    '',
    `test.use({ viewport: { width: ${trajectory.viewport.width}, height: ${trajectory.viewport.height} } });`,
    '',
    `test(${quote(options.testName ?? `replay of session ${trajectory.sessionId}`)}, async ({ page }) => {`,
  ];
  if (trajectory.storage) {
    lines.push(`  await page.addInitScript((storage) => {`);
    lines.push(`    for (const [key, value] of Object.entries(storage.localStorage ?? {})) localStorage.setItem(key, value);`);
    lines.push(`    for (const [key, value] of Object.entries(storage.sessionStorage ?? {})) sessionStorage.setItem(key, value);`);
    lines.push(`  }, ${JSON.stringify(trajectory.storage)});`);
  }
  for (const step of trajectory.steps) {
    lines.push(`  // step ${step.index}: ${step.action.type}${step.recordedUrl ? ` on ${step.recordedUrl}` : ''}`);
    lines.push(...statements(step.action, observations.get(step.index), url, trajectory.sessionId).map((line) => `  ${line}`));
    // Where the recorded user landed after this step: failing here points at the step that broke, not at the end.
    const next = trajectory.steps[step.index + 1];
    if (next && next.action.type !== 'navigate' && step.action.type !== 'navigate' && pathnameOf(next.recordedUrl) !== pathnameOf(step.recordedUrl)) {
      lines.push(`  ${urlAssertion(next.recordedUrl)}`);
    }
  }
  lines.push(...endStateAssertions(trajectory, options.result).map((line) => `  ${line}`));
  lines.push('});', '');
  return lines.join('\n');
}

function statements(action: StepAction, observation: StepObservation | undefined, url: (path: string) => string, seed: string): string[] {
  switch (action.type) {
    case 'navigate':
      return [`await page.goto(${quote(url(action.url))});`];
    case 'scroll':
      return [`await page.evaluate(() => window.scrollTo(${action.x}, ${action.y}));`];
    case 'resize':
      return [`await page.setViewportSize({ width: ${action.width}, height: ${action.height} });`];
    case 'drag':
      return [
        `await page.mouse.move(${action.from.x}, ${action.from.y});`,
        'await page.mouse.down();',
        `await page.mouse.move(${action.to.x}, ${action.to.y}, { steps: 8 });`,
        'await page.mouse.up();',
      ];
    case 'press':
      return [action.target ? `await ${locatorCode(action.target, observation)}.press(${quote(action.key)});` : `await page.keyboard.press(${quote(action.key)});`];
    case 'click':
      return [`await ${locatorCode(action.target, observation)}.click(${action.modifiers?.length ? `{ modifiers: ${JSON.stringify(action.modifiers).replace(/"/g, "'")} }` : ''});`];
    case 'hover':
      return [`await ${locatorCode(action.target, observation)}.hover();`];
    case 'dblclick':
      return [`await ${locatorCode(action.target, observation)}.dblclick();`];
    case 'contextmenu':
      return [`await ${locatorCode(action.target, observation)}.click({ button: 'right' });`];
    case 'fill': {
      const note = action.masked ? ` // masked ${action.masked.kind} of ${action.masked.length} characters: synthetic value` : '';
      return [`await ${locatorCode(action.target, observation)}.fill(${quote(fillValue(action, { fixtures: {}, seed }))});${note}`];
    }
    case 'check':
      return [`await ${locatorCode(action.target, observation)}.setChecked(${action.checked});`];
    case 'select':
      return [`await ${locatorCode(action.target, observation)}.selectOption(${JSON.stringify(action.values)});`];
    case 'submit':
      return [`await ${locatorCode(action.target, observation)}.evaluate((form) => (form.closest('form') ?? form).requestSubmit());`];
    case 'file': {
      const files = action.files.map((file) => `{ name: ${quote(file.name)}, mimeType: ${quote(file.type || 'application/octet-stream')}, buffer: Buffer.alloc(${Math.min(file.size, 1024 * 1024)}, 'a') }`);
      return [`await ${locatorCode(action.target, observation)}.setInputFiles([${files.join(', ')}]);`];
    }
  }
}

/** The candidate that worked on replay, else the best recorded one, else the recorded point. */
function locatorCode(target: ActionTarget, observation: StepObservation | undefined): string {
  const matched = observation?.matchedBy;
  if (matched && matched !== 'coordinates') return candidateCode(matched);
  const best = target.candidates[0];
  if (best) return candidateCode(best);
  return `page.locator(${quote(target.tag)}).first()`;
}

export function candidateCode(candidate: TargetCandidate): string {
  switch (candidate.by) {
    case 'testid':
      return `page.getByTestId(${quote(candidate.value)})`;
    case 'role':
      return `page.getByRole(${quote(candidate.role)}, { name: ${quote(candidate.name)}, exact: true })`;
    case 'label':
      return `page.getByLabel(${quote(candidate.value)}, { exact: true })`;
    case 'placeholder':
      return `page.getByPlaceholder(${quote(candidate.value)}, { exact: true })`;
    case 'alt':
      return `page.getByAltText(${quote(candidate.value)}, { exact: true })`;
    case 'title':
      return `page.getByTitle(${quote(candidate.value)}, { exact: true })`;
    case 'text':
      return `page.getByText(${quote(candidate.value)}, { exact: true })`;
    case 'css':
      return `page.locator(${quote(candidate.value)})`;
  }
}

/** The end state the replay observed, else the last page the recording saw. */
function endStateAssertions(trajectory: Trajectory, result: ReplayResult | undefined): string[] {
  const last = result?.steps[result.steps.length - 1];
  const endPath = last?.url ?? trajectory.endPath;
  if (!endPath) return [];
  const lines = [last ? '// end state observed on replay' : '// end state the recording reached', urlAssertion(endPath)];
  if (!last) return lines;
  if (last.title) lines.push(`await expect(page).toHaveTitle(${quote(last.title)});`);
  const heading = /^\s*- heading "([^"]+)"/m.exec(last.aria)?.[1];
  if (heading) lines.push(`await expect(page.getByRole('heading', { name: ${quote(heading)} })).toBeVisible();`);
  const status = /^\s*- (?:status|alert)(?: "[^"]*")?: (.+)$/m.exec(last.aria)?.[1];
  if (status) lines.push(`await expect(page.getByText(${quote(status.trim())})).toBeVisible();`);
  return lines;
}

/**
 * Asserts the path only, with numbers generalized: order ids and the like differ on every run, and query strings
 * gain, lose and reorder parameters that do not say where the user is.
 */
export function urlAssertion(path: string): string {
  const source = escapeRegExp(pathnameOf(path)).replace(/\d+/g, '\\d+');
  return `await expect(page).toHaveURL(new RegExp(${quote(`${source}(?:[?#].*)?$`)}));`;
}

function pathnameOf(path: string): string {
  return path.split(/[?#]/)[0] || '/';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
