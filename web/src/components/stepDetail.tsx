// What happened at one step on both sides: screenshots, divergences, requests, errors.
import type { TimelineStep } from '../sessionTimeline.js';
import type { StepObservation } from '../../../protocol/trajectory.js';
import { alignRequests } from '../networkDiff.js';
import { describeAction } from '../describeAction.js';
import { formatPercent } from '../format.js';
import { ScreenshotCompare } from './screenshotCompare.js';

export function StepDetail({ project, step }: { project: string; step: TimelineStep }) {
  const diffImage = step.divergences.find((d) => d.kind === 'visual-changed' && d.diffImage)?.diffImage;
  return (
    <div class="step-detail">
      <h3>
        Step {step.index + 1}: {describeAction(step.action)}
      </h3>
      <OutcomeReasons baseline={step.baseline} candidate={step.candidate} />
      <ScreenshotCompare project={project} baseline={step.baseline?.screenshot} candidate={step.candidate?.screenshot} diffImage={diffImage} />
      <h4>Divergences</h4>
      {step.divergences.length === 0 ? (
        <p class="muted small">None at this step.</p>
      ) : (
        <ul class="divergences">
          {step.divergences.map((divergence, index) => (
            <li key={index} class={divergence.noise ? 'is-noise' : ''}>
              <span class="chip">{divergence.kind}</span> {divergence.summary}
              <span class="muted small">
                {' '}
                severity {formatPercent(divergence.severity)}
                {divergence.element && ` · ${divergence.element}`}
                {divergence.noise && ' · noise'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Requests baseline={step.baseline} candidate={step.candidate} />
      <Errors baseline={step.baseline} candidate={step.candidate} />
    </div>
  );
}

function OutcomeReasons({ baseline, candidate }: { baseline?: StepObservation; candidate?: StepObservation }) {
  const reasons = [
    ['Baseline', baseline],
    ['Candidate', candidate],
  ] as const;
  const failing = reasons.filter(([, observation]) => observation && observation.outcome !== 'performed');
  if (failing.length === 0) return null;
  return (
    <div class="outcome-reasons">
      {failing.map(([side, observation]) => (
        <div key={side} class="state-error small">
          <strong>
            {side}: {observation!.outcome}
          </strong>
          {observation!.outcomeReason && <pre>{observation!.outcomeReason}</pre>}
        </div>
      ))}
    </div>
  );
}

function Requests({ baseline, candidate }: { baseline?: StepObservation; candidate?: StepObservation }) {
  const rows = alignRequests(baseline?.requests ?? [], candidate?.requests ?? []);
  if (rows.length === 0) return null;
  const status = (request?: { status: number; failure?: string }) =>
    !request ? <span class="muted">—</span> : request.status === 0 ? <span class="cell-error">{request.failure ?? 'failed'}</span> : request.status;
  return (
    <>
      <h4>Requests</h4>
      <table class="table compact">
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col" class="num">Baseline</th>
            <th scope="col" class="num">Candidate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.key}#${index}`} class={row.changed ? 'row-changed' : ''}>
              <td>
                <code>
                  {row.method} {row.path}
                </code>
              </td>
              <td class="num">{status(row.baseline)}</td>
              <td class="num">{status(row.candidate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Errors({ baseline, candidate }: { baseline?: StepObservation; candidate?: StepObservation }) {
  const sides = [
    ['Baseline', baseline],
    ['Candidate', candidate],
  ] as const;
  const any = sides.some(([, o]) => o && (o.pageErrors.length || o.consoleErrors.length));
  if (!any) return null;
  return (
    <>
      <h4>Errors</h4>
      <div class="side-by-side">
        {sides.map(([side, observation]) => (
          <div key={side}>
            <h5>{side}</h5>
            <ul class="error-list">
              {observation?.pageErrors.map((message, index) => (
                <li key={`p${index}`}>
                  <span class="chip">page error</span> {message}
                </li>
              ))}
              {observation?.consoleErrors.map((message, index) => (
                <li key={`c${index}`}>
                  <span class="chip">console</span> {message}
                </li>
              ))}
              {!observation?.pageErrors.length && !observation?.consoleErrors.length && <li class="muted">None.</li>}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}
