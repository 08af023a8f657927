// Whole-run diff time per session: analyzeSession on a stored-like replay triple (baseline, A/A repeat, candidate)
// of a 12-step session with a 1280x720 screenshot per step, the way a run's analysis sees it after replay.
import type { ReplayResult, StepObservation } from '../../protocol/index.js';
import { analyzeSession, defaultModel } from '../../server/analysis/index.js';
import { measure, type Measurement } from '../lib/measure.js';

const STEPS = 12;

function steps(origin: string, shotOf: (index: number) => string, broken: boolean): StepObservation[] {
  return Array.from({ length: STEPS }, (_, index) => ({
    index,
    action: index === 0 ? { type: 'navigate' as const, url: `${origin}/products` } : { type: 'click' as const, target: { candidates: [{ by: 'role' as const, role: 'button', name: `Item ${index}` }], tag: 'button', role: 'button', name: `Item ${index}`, rect: { x: 340, y: 340, width: 120, height: 36 } } },
    outcome: 'performed' as const,
    url: `${origin}/products/${index}`,
    title: `Product ${index}`,
    aria: `- main:\n  - heading "Product ${index}" [level=1]\n  - button "Add to cart"\n  - link "Cart (${index})"`,
    text: `Product ${index} A short description of it Add to cart Cart (${index}) Updated ${index} seconds ago`,
    textDigest: '',
    requests: [
      { method: 'GET', path: `/products/${index}`, status: 200, resourceType: 'document', durationMs: 30 },
      { method: 'POST', path: '/api/cart', status: broken && index === 7 ? 500 : 200, resourceType: 'fetch', durationMs: 20, responseShape: '{items:[{id:number}]}' },
    ],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    quiescenceMs: 200,
    durationMs: 300,
    screenshot: shotOf(index),
  }));
}

function replayOf(target: string, stepList: StepObservation[]): ReplayResult {
  return { sessionId: 'bench', target, mode: 'live', status: 'completed', steps: stepList, startedAt: 0, durationMs: 1000 };
}

/** `same` and `changed` are 1280x720 PNGs; the candidate differs visually on every third step and fails at step 7. */
export async function measureWholeRunDiff(same: Uint8Array, changed: Uint8Array): Promise<Measurement[]> {
  const blobs = new Map<string, Uint8Array>([['same', same], ['copy', Buffer.from(same)], ['changed', changed]]);
  const loadBlob = async (key: string) => blobs.get(key);
  const saveBlob = async () => 'diff';
  const baseline = replayOf('https://a.test', steps('https://a.test', () => 'same', false));
  const repeat = replayOf('https://a.test', steps('https://a.test', () => 'copy', false));
  const identical = replayOf('https://b.test', steps('https://b.test', () => 'copy', false));
  const candidate = replayOf('https://b.test', steps('https://b.test', (index) => (index % 3 === 2 ? 'changed' : 'copy'), true));
  const analyze = (other: ReplayResult, baselineRepeat?: ReplayResult) =>
    analyzeSession({ sessionId: 'bench', baseline, baselineRepeat, candidate: other, loadBlob, saveBlob, model: defaultModel() });
  return [
    await measure(`whole session (${STEPS} steps), candidate identical`, () => analyze(identical, repeat), { iterations: 7 }),
    await measure(`whole session (${STEPS} steps), candidate diverged, with A/A pair`, () => analyze(candidate, repeat), { iterations: 5 }),
    await measure(`whole session (${STEPS} steps), candidate diverged, noise known (no A/A)`, () => analyze(candidate), { iterations: 5 }),
  ];
}
