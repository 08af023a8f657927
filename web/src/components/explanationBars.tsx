import type { FeatureContribution } from '../../../protocol/divergence.js';
import { explanationBars } from '../explanation.js';
import { humanizeFeature } from '../format.js';

/** Feature contributions as diverging bars: right (red) raises the ticket probability, left (green) lowers it. */
export function ExplanationBars({ contributions }: { contributions: readonly FeatureContribution[] }) {
  const bars = explanationBars(contributions);
  if (bars.length === 0) return <p class="muted small">No explanation recorded.</p>;
  return (
    <ul class="explain" aria-label="Why this probability">
      {bars.map((bar) => (
        <li key={bar.feature} class={`explain-row ${bar.direction}`}>
          <span class="explain-name" title={`${bar.feature} = ${bar.value}`}>
            {humanizeFeature(bar.feature)}
          </span>
          <span class="explain-track" aria-hidden="true">
            <span class="explain-half explain-neg">{bar.direction === 'lowers' && <span class="explain-bar" style={{ width: `${bar.widthPercent}%` }} />}</span>
            <span class="explain-half explain-pos">{bar.direction === 'raises' && <span class="explain-bar" style={{ width: `${bar.widthPercent}%` }} />}</span>
          </span>
          <span class="explain-value">
            {bar.contribution > 0 ? '+' : bar.contribution < 0 ? '−' : ''}
            {Math.abs(bar.contribution).toFixed(2)}
          </span>
        </li>
      ))}
    </ul>
  );
}
