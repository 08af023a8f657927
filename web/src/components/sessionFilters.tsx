import { useState } from 'preact/hooks';
import type { SessionFilters } from '../api.js';

/** Filter form for recorded sessions; applies on submit so typing does not fire a request per key. */
export function SessionFiltersForm({ onApply }: { onApply: (filters: SessionFilters) => void }) {
  const [q, setQ] = useState('');
  const [user, setUser] = useState('');
  const [hasErrors, setHasErrors] = useState(false);
  const [hasFailedRequests, setHasFailedRequests] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    onApply({ q: q.trim() || undefined, user: user.trim() || undefined, hasErrors, hasFailedRequests });
  };
  return (
    <form class="filters" onSubmit={submit} role="search">
      <label class="inline-field">
        <span>Search</span>
        <input type="search" placeholder="URL, text, id…" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      </label>
      <label class="inline-field">
        <span>User</span>
        <input value={user} onInput={(e) => setUser((e.target as HTMLInputElement).value)} />
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
