import { useState } from 'preact/hooks';
import { api, exportUrl } from '../api.js';
import { useAsync } from '../useAsync.js';
import { buildTimeline, initialStepIndex, urlFlow } from '../sessionTimeline.js';
import { formatDuration, shortId } from '../format.js';
import { hrefFor } from '../router.js';
import { KindChips, ProbabilityBadge, StatusPill } from '../components/badges.js';
import { ExplanationBars } from '../components/explanationBars.js';
import { StepTimeline } from '../components/stepTimeline.js';
import { StepDetail } from '../components/stepDetail.js';
import { RecordingPlayer } from '../components/recordingPlayer.js';
import { Empty, ErrorBox, Loading } from '../components/status.js';
import type { ReplayResult } from '../../../protocol/trajectory.js';

interface SessionInRunPageProps {
  project: string;
  runId: string;
  sessionId: string;
}

export function SessionInRunPage({ project, runId, sessionId }: SessionInRunPageProps) {
  const { state, reload } = useAsync(() => api.sessionResult(project, runId, sessionId), [project, runId, sessionId]);
  const [selected, setSelected] = useState<number | undefined>();
  const [showRecording, setShowRecording] = useState(false);

  if (state.status === 'error') return <ErrorBox title={`Cannot load session ${sessionId}`} message={state.error} onRetry={reload} />;
  if (!state.data) return <Loading label="Loading session…" />;
  const result = state.data;
  const { verdict } = result;
  const steps = buildTimeline(result);
  const current = steps.find((step) => step.index === (selected ?? initialStepIndex(steps)));

  return (
    <section class="session-page">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/runs">Runs</a> / <a href={hrefFor({ name: 'run', runId })}>{shortId(runId, 12)}</a> / <span>{shortId(sessionId, 12)}</span>
      </nav>
      <header class="card session-summary">
        <div>
          <h1>
            Session <code>{shortId(sessionId, 12)}</code> <StatusPill status={verdict.status} /> <ProbabilityBadge probability={verdict.ticketProbability} />
          </h1>
          <p class="muted small">
            User {verdict.userId ?? 'anonymous'}
            {result.selectionReason && ` · selected because ${result.selectionReason}`}
          </p>
          <KindChips divergences={verdict.divergences} />
          {verdict.error && <ErrorBox title="Replay error" message={verdict.error} />}
        </div>
        <div class="session-actions">
          <a class="button" href={exportUrl(project, sessionId)} download>
            Export Playwright test
          </a>
          <button type="button" class="button" aria-expanded={showRecording} onClick={() => setShowRecording(!showRecording)}>
            {showRecording ? 'Hide recording' : 'Show recording'}
          </button>
        </div>
        <div class="session-explain">
          <ExplanationBars contributions={verdict.explanation} />
        </div>
      </header>
      {showRecording && (
        <section class="card" aria-label="Recording">
          <h2>Recording</h2>
          <RecordingPlayer project={project} sessionId={sessionId} />
        </section>
      )}
      <div class="url-flows card">
        <UrlFlow label="Baseline" replay={result.baseline} />
        <UrlFlow label="Candidate" replay={result.candidate} />
      </div>
      {steps.length === 0 ? (
        <Empty title="No steps replayed">
          <p>Neither side produced any step observation{verdict.error ? `: ${verdict.error}` : '.'}</p>
        </Empty>
      ) : (
        <div class="session-layout">
          <StepTimeline steps={steps} selected={current?.index} onSelect={setSelected} />
          <div class="card" aria-live="polite">
            {current ? <StepDetail project={project} step={current} /> : <p class="muted">Select a step.</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function UrlFlow({ label, replay }: { label: string; replay?: ReplayResult }) {
  const flow = urlFlow(replay?.steps);
  return (
    <div class="url-flow">
      <strong>{label}</strong>
      {replay && (
        <span class="muted small">
          {' '}
          {replay.target} · {replay.mode} · {formatDuration(replay.durationMs)}
        </span>
      )}
      {replay?.error && <p class="cell-error">{replay.error}</p>}
      {flow.length === 0 ? (
        <p class="muted small">{replay ? 'No URLs visited.' : 'Not replayed.'}</p>
      ) : (
        <ol class="flow-list">
          {flow.map((url, index) => (
            <li key={index}>
              <code>{url}</code>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
