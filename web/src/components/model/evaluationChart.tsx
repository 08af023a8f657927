// Precision and recall over time as an SVG line plot, with a table of the same numbers for screen readers and
// for anyone who wants the exact values. Benchmark runs and refits on triage labels are separate views.
import { useState } from 'preact/hooks';
import type { EvaluationPoint } from '../../../../protocol/api.js';
import { describeEvaluations, plotEvaluations, DEFAULT_PLOT_BOX } from '../../evaluationPlot.js';
import { formatPercent } from '../../format.js';
import { Empty } from '../status.js';

const SOURCES: { source: EvaluationPoint['source']; label: string; what: string }[] = [
  { source: 'benchmark', label: 'Evaluation benchmark', what: 'benchmark evaluations' },
  { source: 'labels', label: 'Own triage labels', what: 'refits on triage labels' },
];

export function EvaluationChart({ history }: { history: EvaluationPoint[] }) {
  const hasBenchmark = history.some((point) => point.source === 'benchmark');
  const [source, setSource] = useState<EvaluationPoint['source']>(hasBenchmark ? 'benchmark' : 'labels');
  const current = SOURCES.find((candidate) => candidate.source === source)!;
  const points = history.filter((point) => point.source === source).sort((a, b) => a.at - b.at);
  return (
    <>
      <div class="inline-form" role="group" aria-label="Which measurements to plot">
        {SOURCES.map((candidate) => (
          <button key={candidate.source} type="button" class="button" aria-pressed={candidate.source === source} onClick={() => setSource(candidate.source)}>
            {candidate.label} ({history.filter((point) => point.source === candidate.source).length})
          </button>
        ))}
      </div>
      {points.length ? <Plot points={points} what={current.what} /> : <NoPoints source={source} />}
    </>
  );
}

function NoPoints({ source }: { source: EvaluationPoint['source'] }) {
  return source === 'benchmark' ? (
    <Empty title="No benchmark evaluation yet">
      <p>
        Run <code>reprise eval --server URL --project ID</code> to measure the model on the labelled benchmark; each result is plotted here.
      </p>
    </Empty>
  ) : (
    <Empty title="No refit on triage labels yet">
      <p>Triage divergences on a run page; each decision refits the model and its precision and recall on the labels appear here.</p>
    </Empty>
  );
}

function Plot({ points, what }: { points: EvaluationPoint[]; what: string }) {
  const box = DEFAULT_PLOT_BOX;
  const layout = plotEvaluations(points, box);
  const summary = describeEvaluations(points, what);
  return (
    <figure class="evaluation-plot">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={`Precision and recall over time. ${summary}`} data-testid="evaluation-plot">
        {layout.yTicks.map((tick) => (
          <g key={tick.label} class="plot-grid">
            <line x1={box.marginLeft} x2={box.width - box.marginRight} y1={tick.position} y2={tick.position} />
            <text x={box.marginLeft - 6} y={tick.position + 4} text-anchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick, index, ticks) => (
          <text key={tick.position} class="plot-axis" x={tick.position} y={box.height - 8} text-anchor={tickAnchor(index, ticks.length)}>
            {tick.label}
          </text>
        ))}
        <path class="plot-line precision" d={layout.precisionPath} />
        <path class="plot-line recall" d={layout.recallPath} />
        {layout.precision.map((point) => (
          <circle key={`p${point.at}`} class="plot-dot precision" cx={point.x} cy={point.y} r={3}>
            <title>Precision {formatPercent(point.value)}</title>
          </circle>
        ))}
        {layout.recall.map((point) => (
          <circle key={`r${point.at}`} class="plot-dot recall" cx={point.x} cy={point.y} r={3}>
            <title>Recall {formatPercent(point.value)}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="small muted legend">
        <span class="legend-swatch predicted" aria-hidden="true" /> precision <span class="legend-swatch observed" aria-hidden="true" /> recall · {summary}
      </figcaption>
      <details>
        <summary>Show the numbers</summary>
        <table class="table compact" aria-label="Precision and recall over time">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col" class="num">Precision</th>
              <th scope="col" class="num">Recall</th>
              <th scope="col" class="num">False alarms</th>
              <th scope="col" class="num">Cases</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point, index) => (
              <tr key={`${point.at}-${index}`}>
                <td>{new Date(point.at).toLocaleString()}</td>
                <td class="num">{formatPercent(point.precision)}</td>
                <td class="num">{formatPercent(point.recall)}</td>
                <td class="num">{point.falseAlarmRate === undefined ? '—' : formatPercent(point.falseAlarmRate)}</td>
                <td class="num">{point.cases ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The outer time labels hug the plot's edges so that they are not cut off. */
function tickAnchor(index: number, count: number): 'start' | 'middle' | 'end' {
  if (count < 2) return 'middle';
  return index === 0 ? 'start' : index === count - 1 ? 'end' : 'middle';
}
