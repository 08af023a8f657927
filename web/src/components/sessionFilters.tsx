import { useState } from 'preact/hooks';
import type { SessionFilters } from '../api.js';

/** `datetime-local` values are local wall-clock time without a zone; Date parses them as local, as the user meant. */
export function epochOfLocalInput(value: string): number | undefined {
  if (!value) return undefined;
  const epoch = new Date(value).getTime();
  return Number.isFinite(epoch) ? epoch : undefined;
}

/** Filter form for recorded sessions; applies on submit so typing does not fire a request per key. */
export function SessionFiltersForm({ onApply }: { onApply: (filters: SessionFilters) => void }) {
  const [q, setQ] = useState('');
  const [user, setUser] = useState('');
  const [url, setUrl] = useState('');
  const [appVersion, setAppVersion] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [hasErrors, setHasErrors] = useState(false);
  const [hasFailedRequests, setHasFailedRequests] = useState(false);
  const text = (setter: (value: string) => void) => (event: Event) => setter((event.target as HTMLInputElement).value);
  const submit = (event: Event) => {
    event.preventDefault();
    onApply({
      q: q.trim() || undefined,
      user: user.trim() || undefined,
      url: url.trim() || undefined,
      appVersion: appVersion.trim() || undefined,
      from: epochOfLocalInput(from),
      to: epochOfLocalInput(to),
      hasErrors,
      hasFailedRequests,
    });
  };
  return (
    <form class="filters" onSubmit={submit} role="search" aria-label="Filter sessions">
      <label class="inline-field">
        <span>Search</span>
        <input type="search" placeholder="URL, text, id…" value={q} onInput={text(setQ)} />
      </label>
      <label class="inline-field">
        <span>URL</span>
        <input placeholder="/checkout" value={url} onInput={text(setUrl)} />
      </label>
      <label class="inline-field">
        <span>User</span>
        <input value={user} onInput={text(setUser)} />
      </label>
      <label class="inline-field">
        <span>App version</span>
        <input size={10} value={appVersion} onInput={text(setAppVersion)} />
      </label>
      <label class="inline-field">
        <span>From</span>
        <input type="datetime-local" value={from} onInput={text(setFrom)} />
      </label>
      <label class="inline-field">
        <span>To</span>
        <input type="datetime-local" value={to} onInput={text(setTo)} />
      </label>
      <label class="inline-field">
        <input type="checkbox" checked={hasErrors} onChange={(e) => setHasErrors((e.target as HTMLInputElement).checked)} />
        <span>Has errors</span>
      </label>
      <label class="inline-field">
        <input type="checkbox" checked={hasFailedRequests} onChange={(e) => setHasFailedRequests((e.target as HTMLInputElement).checked)} />
        <span>Has failed requests</span>
      </label>
      <button type="submit" class="button">
        Apply
      </button>
    </form>
  );
}
