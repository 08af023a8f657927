// Screenshot comparison of one step, through visualDiff.
import type { Rect } from '../../protocol/index.js';
import { describeAction } from './describeAction.js';
import type { StepPair } from './stepPair.js';
import type { RawDivergence } from './types.js';
import { visualDiff } from './visualDiff.js';

// BackstopJS's default: below 0.1% of the pixels a change is not worth a look.
const MIN_CHANGED_RATIO = 0.001;

export interface VisualDeps {
  loadBlob: (key: string) => Promise<Uint8Array | undefined>;
  /** Absent when measuring noise: no diff image is needed for the A/A pair. */
  saveBlob?: (bytes: Uint8Array, contentType: string) => Promise<string>;
  ignoreRegions?: Rect[];
  /** Boxes of the elements the user acts on at and right after this step. */
  interactedRects: Rect[];
}

export async function compareVisual(pair: StepPair, deps: VisualDeps): Promise<RawDivergence[]> {
  const keyBefore = pair.baseline.screenshot;
  const keyAfter = pair.other.screenshot;
  if (!keyBefore || !keyAfter || keyBefore === keyAfter) return [];
  const [before, after] = await Promise.all([deps.loadBlob(keyBefore), deps.loadBlob(keyAfter)]);
  if (!before || !after) return [];
  const result = await visualDiff(before, after, { ignoreRegions: deps.ignoreRegions, diffImage: Boolean(deps.saveBlob) });
  if (result.identical || result.changedRatio < MIN_CHANGED_RATIO) return [];
  const diffImage = result.diffPng && deps.saveBlob ? await deps.saveBlob(result.diffPng, 'image/png') : undefined;
  const percent = (result.changedRatio * 100).toFixed(1);
  return [
    {
      kind: 'visual-changed',
      step: pair.index,
      summary: `${percent}% of the screen looks different after ${describeAction(pair.baseline.action)} (${result.regions.length} area${result.regions.length === 1 ? '' : 's'})`,
      severity: Math.min(1, Math.sqrt(result.changedRatio)),
      region: result.regions[0],
      diffImage,
      evidence: {
        changedRatio: Number(result.changedRatio.toFixed(5)),
        regionCount: result.regions.length,
        visualAreaOnInteracted: Number(shareOnRects(result.regions, deps.interactedRects).toFixed(3)),
        subject: result.regions[0] ? gridCell(result.regions[0]) : 'screen',
      },
      regions: result.regions,
    },
  ];
}

/** Largest share of an interacted element's box covered by changed regions. */
function shareOnRects(regions: Rect[], rects: Rect[]): number {
  let best = 0;
  for (const rect of rects) {
    const area = rect.width * rect.height;
    if (area <= 0) continue;
    const covered = regions.reduce((sum, region) => sum + intersectionArea(region, rect), 0);
    best = Math.max(best, Math.min(1, covered / area));
  }
  return best;
}

export function intersectionArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Coarse location, stable across small layout shifts, for noise signatures. */
function gridCell(region: Rect): string {
  const cell = 128;
  return `@${Math.floor(region.x / cell)},${Math.floor(region.y / cell)}`;
}
