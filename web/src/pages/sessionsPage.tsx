import { useCallback, useState } from 'preact/hooks';
import type { SessionSummary } from '../../../protocol/api.js';
import { api, messageOf, type SessionFilters } from '../api.js';
import { useAsync } from '../useAsync.js';
import { useSessionIngested } from '../live.js';
import { formatDateTime, formatDuration, shortId } from '../format.js';
import { navigate } from '../router.js';
import { NewRunForm } from '../components/newRunForm.js';
import { SessionFiltersForm } from '../components/sessionFilters.js';
import { Modal } from '../components/modal.js';
import { RecordingPlayer } from '../components/recordingPlayer.js';
import { Empty, ErrorBox, Loading } from '../components/status.js';

const PAGE_SIZE = 50;

export function SessionsPage({ project }: { project: string }) {
  const [filters, setFilters] = useState<SessionFilters>({});
  const { state, reload, setData } = useAsync(() => api.sessions(project, { ...filters, limit: PAGE_SIZE }), [project, filters]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [playing, setPlaying] = useState<SessionSummary | undefined>();
  const [replayForm, setReplayForm] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState('');
  const [newSessions, setNewSessions] = useState(0);

  useSessionIngested(useCallback(() => setNewSessions((count) => count + 1), []));

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const loadMore = async (cursor: string) => {
    setLoadMoreError('');
    try {
      const next = await api.sessions(project, { ...filters, limit: PAGE_SIZE, cursor });
      setData((page) => ({ items: [...page.items, ...next.items], nextCursor: next.nextCursor }));
    } catch (error) {
      setLoadMoreError(messageOf(error));
    }
  };

  const items = state.data?.items ?? [];
  return (
    <section>
      <div class="page-head">
        <h1>Sessions</h1>
        <button type="button" class="button button-primary" disabled={selected.size === 0} onClick={() => setReplayForm(true)}>
          Replay selected ({selected.size})
        </button>
      </div>
      <SessionFiltersForm onApply={setFilters} />
      <p aria-live="polite" class="small">
        {newSessions > 0 && (
          <>
            {newSessions} new session{newSessions === 1 ? '' : 's'} recorded.{' '}
            <button type="button" class="link-button" onClick={() => (setNewSessions(0), reload())}>
              Refresh
            </button>
          </>
        )}
      </p>
      {replayForm && (
        <NewRunForm
          project={project}
          sessionIds={[...selected]}
          onCancel={() => setReplayForm(false)}
          onCreated={(run) => navigate({ name: 'run', runId: run.id })}
        />
      )}
      {state.status === 'error' && <ErrorBox title="Cannot load sessions" message={state.error} onRetry={reload} />}
      {state.status === 'loading' && !state.data && <Loading label="Loading sessions…" />}
      {state.data && items.length === 0 && (
        <Empty title="No recorded sessions">
          <p>
            Add the recorder to your staging app (see <code>docs/</code> for the script tag and your project's ingest key), or loosen the
            filters.
          </p>
        </Empty>
      )}
      {items.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Select</span>
              </th>
              <th scope="col">Started</th>
              <th scope="col" class="num">Duration</th>
              <th scope="col" class="num">Pages</th>
              <th scope="col">User</th>
              <th scope="col" class="num">Clicks</th>
              <th scope="col" class="num">Errors</th>
              <th scope="col" class="num">Failed req.</th>
              <th scope="col">App version</th>
              <th scope="col">Recording</th>
            </tr>
          </thead>
          <tbody>
            {items.map((session) => (
              <tr key={session.id} class={selected.has(session.id) ? 'row-selected' : ''}>
                <td>
                  <input type="checkbox" aria-label={`Select session ${session.id}`} checked={selected.has(session.id)} onChange={() => toggle(session.id)} />
                </td>
                <td>{formatDateTime(session.startedAt)}</td>
                <td class="num">{formatDuration(session.durationMs)}</td>
                <td class="num" title={session.pages.join('\n')}>
                  {session.pages.length}
                </td>
                <td>{session.userId ?? <span class="muted">anonymous</span>}</td>
                <td class="num">{session.counts.clicks}</td>
                <td class={`num${session.counts.errors ? ' cell-error' : ''}`}>{session.counts.errors}</td>
                <td class={`num${session.counts.failedRequests ? ' cell-error' : ''}`}>{session.counts.failedRequests}</td>
                <td>{session.appVersion ?? <span class="muted">—</span>}</td>
                <td>
                  <button type="button" class="link-button" onClick={() => setPlaying(session)}>
                    Play <code>{shortId(session.id)}</code>
                  </button>
                  {session.missingSeqs.length > 0 && (
                    <span class="warning" title={`Batches ${session.missingSeqs.join(', ')} never arrived; replay may be incomplete.`}>
                      {' '}
                      ⚠ {session.missingSeqs.length} missing
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.data?.nextCursor && (
        <div class="load-more">
          <button type="button" class="button" onClick={() => loadMore(state.data!.nextCursor!)}>
            Load more
          </button>
          {loadMoreError && <p class="form-error" role="alert">{loadMoreError}</p>}
        </div>
      )}
      {playing && (
        <Modal title={`Session ${shortId(playing.id, 12)}${playing.userId ? ` · ${playing.userId}` : ''}`} onClose={() => setPlaying(undefined)}>
          <RecordingPlayer project={project} sessionId={playing.id} width={960} height={540} />
        </Modal>
      )}
    </section>
  );
}
