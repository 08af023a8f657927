// One decision for several divergent sessions: each session's divergences are labelled, then the model refits.
import { useState } from 'preact/hooks';
import type { TriageDecision } from '../../../protocol/divergence.js';
import { api, messageOf } from '../api.js';
import { plural } from '../format.js';
import { TRIAGE_DECISIONS } from './triageButtons.js';

interface BulkTriageProps {
  project: string;
  runId: string;
  sessionIds: string[];
  onDone: () => void;
}

export function BulkTriage({ project, runId, sessionIds, onDone }: BulkTriageProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();

  const send = async (decision: TriageDecision) => {
    setBusy(true);
    setResult(undefined);
    let trainedOn = 0;
    const failures: string[] = [];
    // One request per session keeps each label tied to its session; the last answer carries the final model.
    for (const sessionId of sessionIds) {
      try {
        trainedOn = (await api.triage(project, { runId, sessionId, decision, comment: comment.trim() || undefined })).model.trainedOn;
      } catch (error) {
        failures.push(`${sessionId}: ${messageOf(error)}`);
      }
    }
    const labelled = sessionIds.length - failures.length;
    const label = TRIAGE_DECISIONS.find((entry) => entry.decision === decision)?.label;
    setResult(
      failures.length
        ? { ok: false, text: `Labelled ${plural(labelled, 'session')}; ${failures.length} failed: ${failures.join('; ')}` }
        : { ok: true, text: `Labelled ${plural(labelled, 'session')} "${label}". Model updated (trained on ${trainedOn} labels).` },
    );
    setBusy(false);
    if (!failures.length) onDone();
  };

  return (
    <div class="bulk-triage" role="region" aria-label="Bulk triage">
      <span class="small">
        <strong>{sessionIds.length}</strong> selected
      </span>
      <div class="triage-buttons" role="group" aria-label="Triage selected sessions">
        {TRIAGE_DECISIONS.map(({ decision, label }) => (
          <button key={decision} type="button" class={`button triage-${decision}`} disabled={busy || sessionIds.length === 0} onClick={() => send(decision)}>
            {label}
          </button>
        ))}
      </div>
      <label class="field triage-comment">
        <span class="visually-hidden">Comment for the selected sessions (optional)</span>
        <input placeholder="Comment (optional)" value={comment} maxLength={5000} onInput={(e) => setComment((e.target as HTMLInputElement).value)} />
      </label>
      <p class={result?.ok === false ? 'form-error' : 'success'} aria-live="polite" role={result?.ok === false ? 'alert' : undefined}>
        {busy ? `Labelling ${plural(sessionIds.length, 'session')}…` : result?.text}
      </p>
    </div>
  );
}
