import { useCallback, useState } from 'preact/hooks';
import type { RunDetail, RunSummary } from '../../../protocol/api.js';
import { api } from '../api.js';
import { useAsync } from '../useAsync.js';
import { useRunUpdates } from '../live.js';
import { formatDateTime, formatDuration, shortId } from '../format.js';
import { ProgressBar, StatusPill } from '../components/badges.js';
import { BulkTriage } from '../components/bulkTriage.js';
import { SessionVerdictTable } from '../components/sessionVerdictTable.js';
import { TargetLabel } from '../components/targetLabel.js';
import { TicketCard } from '../components/ticketCard.js';
import { Empty, ErrorBox, Loading } from '../components/status.js';

export function RunPage({ project, runId }: { project: string; runId: string }) {
  const { state, reload, setData } = useAsync(() => api.run(project, runId), [project, runId]);

  const onRun = useCallback(
    (run: RunSummary) => {
      if (run.id !== runId) return;
      // A finished run has a report the summary event does not carry: fetch it.
      if (run.status === 'completed' || run.status === 'failed') reload();
      else setData((detail: RunDetail) => ({ ...detail, ...run }));
    },
    [runId, reload, setData],
  );
  useRunUpdates(onRun);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  if (state.status === 'error') return <ErrorBox title={`Cannot load run ${runId}`} message={state.error} onRetry={reload} />;
  if (!state.data) return <Loading label="Loading run…" />;
  const run = state.data;
  const sessions = run.report?.sessions ?? [];
  const tickets = (run.report?.tickets ?? []).slice().sort((a, b) => b.probability - a.probability);
  const diverged = sessions.filter((s) => s.status === 'diverged').sort((a, b) => b.ticketProbability - a.ticketProbability);
  const errored = sessions.filter((s) => s.status === 'error');
  const passed = sessions.filter((s) => s.status === 'pass');

  return (
    <section class="run-page">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/runs">Runs</a> / <span>{shortId(run.id, 12)}</span>
      </nav>
      <header class="card run-summary">
        <div class="run-summary-main">
          <h1>
            Run <code>{shortId(run.id, 12)}</code> <StatusPill status={run.status} />
          </h1>
          <div class="flow">
            <TargetLabel target={run.baseline} />
            <span aria-label="to">→</span>
            <TargetLabel target={run.candidate} />
          </div>
          <p class="muted small">
            Started by {run.trigger} · created {formatDateTime(run.createdAt)}
            {run.report && ` · took ${formatDuration(run.report.run.durationMs)}`}
          </p>
        </div>
        <dl class="stats" aria-live="polite">
          <div>
            <dt>Replayed</dt>
            <dd>{run.counts.replayed}</dd>
          </div>
          <div>
            <dt>Diverged</dt>
            <dd>{run.counts.diverged}</dd>
          </div>
          <div>
            <dt>Errors</dt>
            <dd>{run.counts.errors}</dd>
          </div>
          <div>
            <dt>Tickets</dt>
            <dd class={run.counts.tickets ? 'tickets-count' : ''}>{run.counts.tickets}</dd>
          </div>
        </dl>
        {(run.status === 'running' || run.status === 'queued') && <ProgressBar progress={run.progress} />}
      </header>
      {run.error && <ErrorBox title="The run failed" message={run.error} />}
      {!run.report && (run.status === 'running' || run.status === 'queued') && (
        <Loading label={`Replaying sessions (${run.progress.done} of ${run.progress.total})… results appear when the run completes.`} />
      )}
      {!run.report && run.status !== 'running' && run.status !== 'queued' && !run.error && (
        <Empty title="No report for this run">
          <p>The run ended without producing a report.</p>
        </Empty>
      )}
      {run.report && (
        <>
          <h2>Predicted tickets</h2>
          {tickets.length === 0 ? (
            <Empty title="No predicted tickets">
              <p>None of the divergences looks likely to make a customer write in.</p>
            </Empty>
          ) : (
            tickets.map((ticket) => <TicketCard key={ticket.id} project={project} runId={run.id} candidate={run.candidate.url} ticket={ticket} />)
          )}
          <h2>Divergent sessions ({diverged.length})</h2>
          {diverged.length === 0 ? (
            <p class="muted">No session diverged.</p>
          ) : (
            <>
              <p class="muted small">Select sessions to give them one triage decision at once.</p>
              <SessionVerdictTable runId={run.id} sessions={diverged} selection={{ selected, onChange: setSelected }} />
              <BulkTriage project={project} runId={run.id} sessionIds={[...selected]} onDone={() => setSelected(new Set())} />
            </>
          )}
          {errored.length > 0 && (
            <>
              <h2>Sessions that could not be replayed ({errored.length})</h2>
              <SessionVerdictTable runId={run.id} sessions={errored} showError />
            </>
          )}
          <details class="passed">
            <summary>Passed sessions ({passed.length})</summary>
            {passed.length === 0 ? <p class="muted">None.</p> : <SessionVerdictTable runId={run.id} sessions={passed} />}
          </details>
        </>
      )}
    </section>
  );
}
