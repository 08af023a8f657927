import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { ReplayResult, StepObservation, Trajectory } from '../../../protocol/index.js';
import { exportPlaywrightTest } from '../../exportPlaywright.js';

const trajectory: Trajectory = {
  sessionId: 'sess-1',
  startPath: '/signup',
  viewport: { width: 1000, height: 700 },
  startedAt: 0,
  warnings: [],
  storage: { localStorage: { onboarding: 'seen' } },
  steps: [
    { index: 0, gapMs: 0, recordedUrl: '/signup', action: { type: 'navigate', url: '/signup' } },
    { index: 1, gapMs: 900, recordedUrl: '/signup', action: { type: 'fill', value: "O'Brien", target: { tag: 'input', candidates: [{ by: 'label', value: 'Name' }] } } },
    { index: 2, gapMs: 900, recordedUrl: '/signup', action: { type: 'fill', masked: { kind: 'card', length: 16 }, target: { tag: 'input', candidates: [{ by: 'placeholder', value: 'Card number' }] } } },
    { index: 3, gapMs: 900, recordedUrl: '/signup', action: { type: 'press', key: 'Control+k' } },
    { index: 4, gapMs: 900, recordedUrl: '/signup', action: { type: 'click', target: { tag: 'button', candidates: [{ by: 'css', value: 'form > button' }, { by: 'role', role: 'button', name: 'Create account' }] } } },
    { index: 5, gapMs: 900, recordedUrl: '/welcome', action: { type: 'file', target: { tag: 'input', candidates: [{ by: 'testid', value: 'avatar' }] }, files: [{ name: 'me.png', type: 'image/png', size: 20 }] } },
  ],
};

function observation(index: number, extra: Partial<StepObservation>): StepObservation {
  return { index, action: trajectory.steps[index].action, outcome: 'performed', url: '/', title: '', aria: '', text: '', textDigest: '', requests: [], consoleErrors: [], pageErrors: [], dialogs: [], quiescenceMs: 0, durationMs: 0, ...extra };
}

const result: ReplayResult = {
  sessionId: 'sess-1',
  target: 'http://127.0.0.1:5100',
  mode: 'live',
  status: 'completed',
  startedAt: 0,
  durationMs: 1,
  steps: [
    observation(4, { matchedBy: { by: 'role', role: 'button', name: 'Create account' } }),
    observation(5, { url: '/welcome?user=42', title: 'Welcome', aria: '- main:\n  - heading "Welcome aboard" [level=1]\n  - status: Signed in' }),
  ],
};

describe('replayer | exportPlaywrightTest', () => {
  const code = exportPlaywrightTest(trajectory, { baseUrl: 'http://127.0.0.1:5100/', result, testName: 'sign-up still works' });

  it('writes a spec that TypeScript parses without syntax errors', () => {
    const output = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(output.diagnostics ?? []).toEqual([]);
    expect(code.startsWith("import { test, expect } from '@playwright/test';")).toBe(true);
  });

  it('uses the replay-matched locator, the best recorded one otherwise, and synthetic values for masked fields', () => {
    expect(code).toContain("test('sign-up still works', async ({ page }) => {");
    expect(code).toContain("await page.goto('http://127.0.0.1:5100/signup');");
    expect(code).toContain("await page.getByLabel('Name', { exact: true }).fill('O\\'Brien');");
    expect(code).toContain("await page.getByPlaceholder('Card number', { exact: true }).fill('4242424242424242');");
    expect(code).toContain("await page.keyboard.press('Control+k');");
    expect(code).toContain("await page.getByRole('button', { name: 'Create account', exact: true }).click();");
    expect(code).toContain("await page.getByTestId('avatar').setInputFiles([{ name: 'me.png', mimeType: 'image/png', buffer: Buffer.alloc(20, 'a') }]);");
    expect(code).toContain('localStorage.setItem(key, value)');
  });

  it('asserts the end state the replay observed', () => {
    expect(code).toContain("await expect(page).toHaveURL(new RegExp('/welcome(?:[?#].*)?$'));");
    expect(code).toContain("await expect(page).toHaveTitle('Welcome');");
    expect(code).toContain("await expect(page.getByRole('heading', { name: 'Welcome aboard' })).toBeVisible();");
    expect(code).toContain("await expect(page.getByText('Signed in')).toBeVisible();");
  });

  it('asserts the recorded end page when there is no replay, with ids generalized and the query ignored', () => {
    const spec = exportPlaywrightTest({ ...trajectory, endPath: '/orders/1002/confirmation?from=checkout' });
    expect(spec).toContain("// end state the recording reached\n  await expect(page).toHaveURL(new RegExp('/orders/\\\\d+/confirmation(?:[?#].*)?$'));");
    expect(new RegExp('/orders/\\d+/confirmation(?:[?#].*)?$').test('http://x/orders/7/confirmation')).toBe(true);
  });
});
