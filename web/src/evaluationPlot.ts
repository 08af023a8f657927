// Pure geometry of the Model page's precision/recall plot: time runs left to right, 0–100% bottom to top.
import type { EvaluationPoint } from '../../protocol/api.js';
import { formatPercent } from './format.js';

export interface PlotBox {
  width: number;
  height: number;
  /** Room for the axis labels, in SVG units. */
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
}

export const DEFAULT_PLOT_BOX: PlotBox = { width: 560, height: 220, marginLeft: 44, marginRight: 16, marginTop: 12, marginBottom: 28 };

export interface PlottedPoint {
  x: number;
  y: number;
  value: number;
  at: number;
}

export interface Tick {
  position: number;
  label: string;
}

export interface PlotLayout {
  precision: PlottedPoint[];
  recall: PlottedPoint[];
  precisionPath: string;
  recallPath: string;
  xTicks: Tick[];
  yTicks: Tick[];
}

const Y_TICK_SHARES = [0, 0.25, 0.5, 0.75, 1];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Places every point of `points` (any order) in `box`; a lone point, or points at one instant, sit mid-width. */
export function plotEvaluations(points: EvaluationPoint[], box: PlotBox = DEFAULT_PLOT_BOX, formatTime: (at: number, spanMs: number) => string = defaultTimeLabel): PlotLayout {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const left = box.marginLeft;
  const right = box.width - box.marginRight;
  const top = box.marginTop;
  const bottom = box.height - box.marginBottom;
  const first = sorted[0]?.at ?? 0;
  const last = sorted.at(-1)?.at ?? 0;
  const span = last - first;
  const xOf = (at: number) => round(span > 0 ? left + ((at - first) / span) * (right - left) : (left + right) / 2);
  const yOf = (share: number) => round(bottom - clampShare(share) * (bottom - top));
  const series = (pick: (point: EvaluationPoint) => number) => sorted.map((point) => ({ x: xOf(point.at), y: yOf(pick(point)), value: pick(point), at: point.at }));
  const precision = series((point) => point.precision);
  const recall = series((point) => point.recall);
  const tickTimes = span > 0 ? [first, first + span / 2, last] : sorted.length ? [first] : [];
  return {
    precision,
    recall,
    precisionPath: pathOf(precision),
    recallPath: pathOf(recall),
    xTicks: tickTimes.map((at) => ({ position: xOf(at), label: formatTime(at, span) })),
    yTicks: Y_TICK_SHARES.map((share) => ({ position: yOf(share), label: formatPercent(share) })),
  };
}

/** One sentence for screen readers and the figure caption: the latest values and how many measurements there are. */
export function describeEvaluations(points: EvaluationPoint[], what: string): string {
  if (!points.length) return `No ${what} yet.`;
  const latest = points.reduce((newest, point) => (point.at > newest.at ? point : newest));
  const cases = latest.cases === undefined ? '' : ` on ${latest.cases} ${latest.source === 'labels' ? 'labels' : 'cases'}`;
  return `${what[0].toUpperCase()}${what.slice(1)}: ${points.length}. Latest ${new Date(latest.at).toISOString().slice(0, 16).replace('T', ' ')} UTC: precision ${formatPercent(latest.precision)}, recall ${formatPercent(latest.recall)}${cases}.`;
}

function pathOf(points: PlottedPoint[]): string {
  return points.map((point, index) => `${index ? 'L' : 'M'}${point.x} ${point.y}`).join(' ');
}

function defaultTimeLabel(at: number, spanMs: number): string {
  const date = new Date(at);
  if (spanMs < HOUR_MS) return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return spanMs < 2 * DAY_MS ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

function clampShare(share: number): number {
  return Number.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
