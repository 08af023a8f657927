// Noise: what the A/A pair (two baseline replays) also disagrees on, and signatures to remember it across runs.
import type { Divergence, Rect } from '../../protocol/index.js';
import { intersectionArea } from './compareVisual.js';
import type { RawDivergence } from './types.js';

const REGION_MARGIN_PX = 8;

/**
 * True when the repeat shows the same kind at the same step and covers every part of the candidate's change:
 * the same request/element units, overlapping text positions, overlapping screenshot regions.
 */
export function isCoveredByRepeat(candidate: RawDivergence, repeatDivergences: RawDivergence[]): boolean {
  const sameKind = repeatDivergences.filter((repeat) => repeat.kind === candidate.kind && repeat.step === candidate.step);
  if (!sameKind.length) return false;
  if (candidate.spans?.length) {
    const spans = sameKind.flatMap((repeat) => repeat.spans ?? []);
    return candidate.spans.every(([start, end]) => spans.some(([repeatStart, repeatEnd]) => repeatStart <= end && start <= repeatEnd));
  }
  if (candidate.regions?.length) {
    const regions = sameKind.flatMap((repeat) => repeat.regions ?? []).map(grow);
    return candidate.regions.every((region) => regions.some((repeat) => intersectionArea(region, repeat) > 0));
  }
  if (candidate.units?.length) {
    const units = new Set(sameKind.flatMap((repeat) => repeat.units ?? []));
    return candidate.units.every((unit) => units.has(unit));
  }
  return true;
}

/**
 * Stable across runs and sessions: kind, route and what changed, with digits folded so counters and
 * timestamps do not make every occurrence unique. The step index is left out on purpose.
 */
export function noiseSignature(d: Divergence): string {
  const route = String(d.evidence?.route ?? '');
  const subject = String(d.evidence?.subject ?? d.element ?? d.summary);
  return `${d.kind}|${route}|${subject.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
}

/** The same, qualified by step: what one session's memory keeps, so it only matches where it was seen. */
export function stepNoiseSignature(d: Divergence): string {
  return `${d.step}|${noiseSignature(d)}`;
}

function grow(region: Rect): Rect {
  return {
    x: region.x - REGION_MARGIN_PX,
    y: region.y - REGION_MARGIN_PX,
    width: region.width + 2 * REGION_MARGIN_PX,
    height: region.height + 2 * REGION_MARGIN_PX,
  };
}
