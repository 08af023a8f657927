// Baseline + candidate URL form that starts a run; used by the runs page and by "Replay selected".
import { useState } from 'preact/hooks';
import type { CreateRunRequest, RunSummary } from '../../../protocol/api.js';
import { api, messageOf } from '../api.js';

interface NewRunFormProps {
  project: string;
  sessionIds?: string[];
  onCreated: (run: RunSummary) => void;
  onCancel: () => void;
}

export function NewRunForm({ project, sessionIds, onCreated, onCancel }: NewRunFormProps) {
  const [baseline, setBaseline] = useState('');
  const [candidate, setCandidate] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const body: CreateRunRequest = { baseline: baseline.trim(), candidate: candidate.trim(), trigger: 'dashboard' };
    if (sessionIds?.length) body.sessions = sessionIds;
    try {
      onCreated(await api.createRun(project, body));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card new-run" onSubmit={submit}>
      <h2>{sessionIds?.length ? `Replay ${sessionIds.length} selected session${sessionIds.length === 1 ? '' : 's'}` : 'New run'}</h2>
      <div class="form-row">
        <label class="field">
          <span>Baseline URL (what production runs)</span>
          <input type="url" required placeholder="https://staging.example.com" value={baseline} onInput={(e) => setBaseline((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>Candidate URL (the preview to check)</span>
          <input type="url" required placeholder="https://preview-123.example.com" value={candidate} onInput={(e) => setCandidate((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <div aria-live="assertive">
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start run'}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
