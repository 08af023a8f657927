// Labels a predicted ticket or divergence; each label retrains the model, and the server says on how many.
import { useState } from 'preact/hooks';
import type { TriageRequest } from '../../../protocol/api.js';
import type { TriageDecision } from '../../../protocol/divergence.js';
import { api, messageOf } from '../api.js';

export const TRIAGE_DECISIONS: { decision: TriageDecision; label: string }[] = [
  { decision: 'ticket', label: 'Would be a ticket' },
  { decision: 'intended', label: 'Intended change' },
  { decision: 'noise', label: 'Noise' },
];

type TriageTarget = Omit<TriageRequest, 'decision' | 'comment'>;

export function TriageButtons({ project, target }: { project: string; target: TriageTarget }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<TriageDecision | undefined>();
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();

  const send = async (decision: TriageDecision) => {
    setBusy(decision);
    setResult(undefined);
    try {
      const response = await api.triage(project, { ...target, decision, comment: comment.trim() || undefined });
      setResult({ ok: true, text: `Labelled "${TRIAGE_DECISIONS.find((d) => d.decision === decision)?.label}". Model updated (trained on ${response.model.trainedOn} labels).` });
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="triage">
      <div class="triage-buttons" role="group" aria-label="Triage">
        {TRIAGE_DECISIONS.map(({ decision, label }) => (
          <button key={decision} type="button" class={`button triage-${decision}`} disabled={busy !== undefined} onClick={() => send(decision)}>
            {busy === decision ? 'Saving…' : label}
          </button>
        ))}
      </div>
      <label class="field triage-comment">
        <span class="visually-hidden">Comment (optional)</span>
        <input placeholder="Comment (optional)" value={comment} maxLength={5000} onInput={(e) => setComment((e.target as HTMLInputElement).value)} />
      </label>
      <p class={result?.ok === false ? 'form-error' : 'success'} aria-live="polite" role={result?.ok === false ? 'alert' : undefined}>
        {result?.text}
      </p>
    </div>
  );
}
