// Sessions of a run with their probability and divergence kinds; optionally selectable for bulk triage.
import type { SessionVerdict } from '../../../protocol/divergence.js';
import { plural, shortId } from '../format.js';
import { hrefFor } from '../router.js';
import { KindChips, ProbabilityBadge } from './badges.js';

interface SessionVerdictTableProps {
  runId: string;
  sessions: SessionVerdict[];
  showError?: boolean;
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
}

export function SessionVerdictTable({ runId, sessions, showError, selection }: SessionVerdictTableProps) {
  const allSelected = selection !== undefined && sessions.length > 0 && sessions.every((session) => selection.selected.has(session.id));
  const toggle = (id: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selection.onChange(next);
  };
  return (
    <table class="table">
      <thead>
        <tr>
          {selection && (
            <th scope="col" class="select-cell">
              <input
                type="checkbox"
                aria-label="Select every divergent session"
                checked={allSelected}
                onChange={() => selection.onChange(allSelected ? new Set() : new Set(sessions.map((session) => session.id)))}
              />
            </th>
          )}
          <th scope="col">Session</th>
          <th scope="col">User</th>
          <th scope="col" class="num">Probability</th>
          <th scope="col">{showError ? 'Reason' : 'Divergences'}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id} class={selection?.selected.has(session.id) ? 'is-selected' : undefined}>
            {selection && (
              <td class="select-cell">
                <input type="checkbox" aria-label={`Select session ${session.id}`} checked={selection.selected.has(session.id)} onChange={() => toggle(session.id)} />
              </td>
            )}
            <td>
              <a href={hrefFor({ name: 'sessionInRun', runId, sessionId: session.id })}>
                <code>{shortId(session.id, 12)}</code>
              </a>
            </td>
            <td>{session.userId ?? <span class="muted">anonymous</span>}</td>
            <td class="num">
              <ProbabilityBadge probability={session.ticketProbability} />
            </td>
            <td>
              {showError ? (
                <span class="cell-error">{session.error ?? 'No reason recorded.'}</span>
              ) : session.divergences.length ? (
                <KindChips divergences={session.divergences} />
              ) : (
                <span class="muted">{plural(0, 'divergence')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
