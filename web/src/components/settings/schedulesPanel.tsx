// Cron schedules of runs: listed with their next run times, edited as rows, saved together with one PUT.
// The server validates cron and URLs; its message is shown as is, since it names the bad field.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { draftsFromStatus, editDraft, emptyDraft, schedulesToSave, type ScheduleDraft } from '../../scheduleDrafts.js';
import { useAsync } from '../../useAsync.js';
import { ErrorBox, Loading } from '../status.js';

export function SchedulesPanel({ project }: { project: string }) {
  const { state, reload } = useAsync(() => api.schedules(project), [project]);
  const [drafts, setDrafts] = useState<ScheduleDraft[] | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  useEffect(() => {
    if (state.status === 'ok') setDrafts(draftsFromStatus(state.data.items));
  }, [state]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!drafts) return;
    setBusy(true);
    setResult(undefined);
    try {
      const saved = await api.saveSchedules(project, schedulesToSave(drafts));
      setDrafts(draftsFromStatus(saved.items));
      setResult({ ok: true, text: saved.items.length ? 'Schedules saved.' : 'Schedules saved: none left.' });
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="schedules-title">
      <h2 id="schedules-title">Schedules</h2>
      <p class="muted small">Runs started on a cron schedule (UTC), e.g. nightly against staging. An empty baseline uses the project's baseline deployment.</p>
      {state.status === 'error' ? (
        <ErrorBox title="Cannot load the schedules" message={state.error} onRetry={reload} />
      ) : !drafts ? (
        <Loading label="Loading schedules…" />
      ) : (
        <form onSubmit={save} aria-label="Schedules">
          {drafts.length === 0 && <p class="muted">No schedules: runs start only from deployments, CI and the dashboard.</p>}
          {drafts.map((draft, index) => (
            <ScheduleRow
              key={draft.key}
              draft={draft}
              number={index + 1}
              onEdit={(field, value) => setDrafts((rows) => editDraft(rows ?? [], draft.key, field, value))}
              onRemove={() => setDrafts((rows) => (rows ?? []).filter((row) => row.key !== draft.key))}
            />
          ))}
          <div class="inline-form">
            <button type="button" class="button" onClick={() => setDrafts((rows) => [...(rows ?? []), emptyDraft()])} disabled={drafts.length >= 20}>
              Add schedule
            </button>
            <button type="submit" class="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save schedules'}
            </button>
          </div>
          {result && (
            <p class={result.ok ? 'success' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
              {result.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

interface ScheduleRowProps {
  draft: ScheduleDraft;
  number: number;
  onEdit: (field: 'cron' | 'candidateUrl' | 'baselineUrl', value: string) => void;
  onRemove: () => void;
}

function ScheduleRow({ draft, number, onEdit, onRemove }: ScheduleRowProps) {
  const saved = draft.saved;
  return (
    <fieldset class="schedule-row" aria-label={`Schedule ${number}`}>
      <label class="field">
        <span>Cron (UTC)</span>
        <input value={draft.cron} required spellcheck={false} onInput={(event) => onEdit('cron', event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Candidate URL</span>
        <input type="url" value={draft.candidateUrl} required placeholder="https://staging.example.com" onInput={(event) => onEdit('candidateUrl', event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Baseline URL (optional)</span>
        <input type="url" value={draft.baselineUrl} placeholder="project baseline" onInput={(event) => onEdit('baselineUrl', event.currentTarget.value)} />
      </label>
      <button type="button" class="button" onClick={onRemove} aria-label={`Remove schedule ${number}`}>
        Remove
      </button>
      <p class="small muted schedule-next" data-testid="schedule-next">
        {!saved
          ? 'Save to see the next run times.'
          : saved.upcoming.length
            ? `Next runs: ${saved.upcoming.map(formatDateTime).join(', ')}`
            : 'This expression never fires again.'}
        {saved?.lastError && <span class="warning"> · Last run failed: {saved.lastError}</span>}
      </p>
    </fieldset>
  );
}
