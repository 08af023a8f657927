import { useCallback, useState } from 'preact/hooks';
import type { Page, RunSummary } from '../../../protocol/api.js';
import type { RunStatus } from '../../../protocol/divergence.js';
import { api, messageOf } from '../api.js';
import { useAsync } from '../useAsync.js';
import { useRunUpdates } from '../live.js';
import { filterRuns, upsertRun } from '../runsLogic.js';
import { formatDateTime, formatRelativeTime } from '../format.js';
import { hrefFor, navigate } from '../router.js';
import { ProgressBar, StatusPill } from '../components/badges.js';
import { TargetLabel } from '../components/targetLabel.js';
import { NewRunForm } from '../components/newRunForm.js';
import { Empty, ErrorBox, Loading } from '../components/status.js';

const STATUSES: (RunStatus | 'all')[] = ['all', 'queued', 'running', 'completed', 'failed', 'cancelled'];

export function RunsPage({ project }: { project: string }) {
  const { state, reload, setData } = useAsync(() => api.runs(project, { limit: 50 }), [project]);
  const [status, setStatus] = useState<RunStatus | 'all'>('all');
  const [showForm, setShowForm] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const onRun = useCallback(
    (run: RunSummary) => {
      if (run.projectId !== project) return;
      setData((page: Page<RunSummary>) => ({ ...page, items: upsertRun(page.items, run) }));
      if (run.status === 'completed' || run.status === 'failed') setAnnouncement(`Run ${run.id} ${run.status}.`);
    },
    [project, setData],
  );
  useRunUpdates(onRun);

  const loadMore = async (cursor: string) => {
    setLoadMoreError('');
    try {
      const next = await api.runs(project, { limit: 50, cursor });
      setData((page) => ({ items: [...page.items, ...next.items], nextCursor: next.nextCursor }));
    } catch (error) {
      setLoadMoreError(messageOf(error));
    }
  };

  return (
    <section>
      <div class="page-head">
        <h1>Runs</h1>
        <label class="inline-field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as RunStatus | 'all')}>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button button-primary" onClick={() => setShowForm(true)} disabled={showForm}>
          New run
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {showForm && (
        <NewRunForm
          project={project}
          onCancel={() => setShowForm(false)}
          onCreated={(run) => {
            setShowForm(false);
            navigate({ name: 'run', runId: run.id });
          }}
        />
      )}
      {state.status === 'error' && <ErrorBox title="Cannot load runs" message={state.error} onRetry={reload} />}
      {state.status === 'loading' && !state.data && <Loading label="Loading runs…" />}
      {state.data && state.data.items.length === 0 && !showForm && (
        <Empty title="No runs yet">
          <p>
            A run replays recorded sessions against a baseline and a candidate deployment. Start one from CI with{' '}
            <code>reprise ci --baseline https://staging.example.com --candidate $PREVIEW_URL</code>, or here:
          </p>
          <button type="button" class="button button-primary" onClick={() => setShowForm(true)}>
            New run
          </button>
        </Empty>
      )}
      {state.data && state.data.items.length > 0 && (
        <RunsTable runs={filterRuns(state.data.items, status)} />
      )}
      {state.data?.nextCursor && (
        <div class="load-more">
          <button type="button" class="button" onClick={() => loadMore(state.data!.nextCursor!)}>
            Load more
          </button>
          {loadMoreError && <p class="form-error" role="alert">{loadMoreError}</p>}
        </div>
      )}
    </section>
  );
}

function RunsTable({ runs }: { runs: RunSummary[] }) {
  if (runs.length === 0) return <Empty title="No runs with this status" />;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Baseline → candidate</th>
          <th scope="col" class="num">Replayed</th>
          <th scope="col" class="num">Diverged</th>
          <th scope="col" class="num">Tickets</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <td>
              <a href={hrefFor({ name: 'run', runId: run.id })} class="row-link">
                <StatusPill status={run.status} />
                <span class="visually-hidden">Open run {run.id}</span>
              </a>
              {(run.status === 'running' || run.status === 'queued') && <ProgressBar progress={run.progress} />}
              {run.error && <div class="cell-error" title={run.error}>{run.error}</div>}
            </td>
            <td>
              <div class="flow">
                <TargetLabel target={run.baseline} />
                <span aria-label="to">→</span>
                <TargetLabel target={run.candidate} />
              </div>
            </td>
            <td class="num">{run.counts.replayed}</td>
            <td class="num">{run.counts.diverged}</td>
            <td class="num">{run.counts.tickets > 0 ? <strong class="tickets-count">{run.counts.tickets}</strong> : 0}</td>
            <td title={formatDateTime(run.createdAt)}>{formatRelativeTime(run.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
