import type { ModelView } from '../../../protocol/api.js';
import { api } from '../api.js';
import { useAsync } from '../useAsync.js';
import { formatPercent, humanizeFeature, plural } from '../format.js';
import { describeBrier, weightBars } from '../modelView.js';
import { Empty, ErrorBox, Loading } from '../components/status.js';
import { EvaluationChart } from '../components/model/evaluationChart.js';

export function ModelPage({ project }: { project: string }) {
  const { state, reload } = useAsync(() => api.model(project), [project]);
  if (state.status === 'error') return <ErrorBox title="Cannot load the ticket model" message={state.error} onRetry={reload} />;
  if (!state.data) return <Loading label="Loading the model…" />;
  const model = state.data;
  return (
    <section class="model-page">
      <div class="page-head">
        <h1>Ticket model</h1>
        <span class="muted">
          {model.trainedOn ? `Trained on ${plural(model.trainedOn, 'label')}` : 'Hand-set prior: no triage label yet'} · bias {model.bias.toFixed(2)}
        </span>
      </div>
      <div class="settings-grid">
        <section class="card" aria-labelledby="weights-title">
          <h2 id="weights-title">Weights</h2>
          <p class="muted small">Each feature's pull on the log-odds of a ticket: red raises the probability, green lowers it.</p>
          <Weights weights={model.weights} />
        </section>
        <section class="card" aria-labelledby="calibration-title">
          <h2 id="calibration-title">Calibration on past labels</h2>
          <Calibration calibration={model.calibration} />
        </section>
      </div>
      <section class="card" aria-labelledby="evaluation-title">
        <h2 id="evaluation-title">Precision and recall over time</h2>
        <p class="muted small">Precision: of the changes flagged as tickets, the share that were. Recall: of the real regressions, the share flagged.</p>
        <EvaluationChart history={model.evaluationHistory ?? []} />
      </section>
    </section>
  );
}

function Weights({ weights }: { weights: ModelView['weights'] }) {
  const bars = weightBars(weights);
  if (!bars.length) return <p class="muted">The model has no weights.</p>;
  return (
    <ul class="explain" aria-label="Model weights">
      {bars.map((bar) => (
        <li key={bar.feature} class={`explain-row ${bar.direction}`}>
          <span class="explain-name" title={bar.feature}>
            {humanizeFeature(bar.feature)}
          </span>
          <span class="explain-track" aria-hidden="true">
            <span class="explain-half explain-neg">{bar.direction === 'lowers' && <span class="explain-bar" style={{ width: `${bar.widthPercent}%` }} />}</span>
            <span class="explain-half explain-pos">{bar.direction === 'raises' && <span class="explain-bar" style={{ width: `${bar.widthPercent}%` }} />}</span>
          </span>
          <span class="explain-value">{bar.weight.toFixed(2)}</span>
        </li>
      ))}
    </ul>
  );
}

function Calibration({ calibration }: { calibration: ModelView['calibration'] }) {
  if (!calibration || !calibration.bins.some((bin) => bin.count > 0)) {
    return (
      <Empty title="No calibration yet">
        <p>Triage divergences on a run page; each label refits the model and measures its calibration here.</p>
      </Empty>
    );
  }
  return (
    <>
      <p>
        Brier score <strong data-testid="brier-score">{calibration.brierScore.toFixed(3)}</strong> <span class="muted">({describeBrier(calibration.brierScore)}; 0 is perfect)</span>
      </p>
      <p class="small muted legend" aria-hidden="true">
        <span class="legend-swatch predicted" /> mean predicted probability <span class="legend-swatch observed" /> observed ticket rate
      </p>
      <table class="table compact" aria-label="Reliability bins">
        <thead>
          <tr>
            <th scope="col">Predicted</th>
            <th scope="col" class="num">Labels</th>
            <th scope="col">Mean predicted vs observed ticket rate</th>
          </tr>
        </thead>
        <tbody>
          {calibration.bins.map((bin) => (
            <tr key={bin.lower}>
              <td>
                {formatPercent(bin.lower)}–{formatPercent(bin.upper)}
              </td>
              <td class="num">{bin.count}</td>
              <td>
                {bin.count ? (
                  <div class="reliability">
                    <span class="reliability-bar predicted" style={{ width: `${bin.meanPredicted * 100}%` }} title={`Predicted ${formatPercent(bin.meanPredicted)}`} />
                    <span class="reliability-bar observed" style={{ width: `${bin.observedRate * 100}%` }} title={`Observed ${formatPercent(bin.observedRate)}`} />
                    <span class="small muted">
                      {formatPercent(bin.meanPredicted)} predicted · {formatPercent(bin.observedRate)} observed
                    </span>
                  </div>
                ) : (
                  <span class="muted small">no labels</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
