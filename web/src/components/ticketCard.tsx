import { useState } from 'preact/hooks';
import type { PredictedTicket } from '../../../protocol/divergence.js';
import { ticketMarkdown } from '../ticketMarkdown.js';
import { plural } from '../format.js';
import { hrefFor } from '../router.js';
import { ProbabilityBadge } from './badges.js';
import { ExplanationBars } from './explanationBars.js';
import { TriageButtons } from './triageButtons.js';

interface TicketCardProps {
  project: string;
  runId: string;
  candidate: string;
  ticket: PredictedTicket;
}

export function TicketCard({ project, runId, candidate, ticket }: TicketCardProps) {
  const [copyState, setCopyState] = useState('');
  const copy = async () => {
    const markdown = ticketMarkdown(ticket, { runUrl: `${location.origin}/${hrefFor({ name: 'run', runId })}`, candidate });
    try {
      await navigator.clipboard.writeText(markdown);
      setCopyState('Copied to clipboard as markdown.');
    } catch (error) {
      setCopyState(`Cannot copy: the browser refused clipboard access (${String(error)}). Select the draft text instead.`);
    }
  };
  const firstSession = ticket.sessionIds[0];
  return (
    <article class="card ticket">
      <header class="ticket-head">
        <ProbabilityBadge probability={ticket.probability} />
        <div class="ticket-title">
          <h3>{ticket.draft.title || ticket.title}</h3>
          <p class="muted small">
            <span class="chip">{ticket.kind}</span> {plural(ticket.sessionIds.length, 'session')} · {plural(ticket.userIds.length, 'user')} affected
            {firstSession && (
              <>
                {' · '}
                <a href={hrefFor({ name: 'sessionInRun', runId, sessionId: firstSession })}>open first session</a>
              </>
            )}
          </p>
        </div>
        <button type="button" class="button" onClick={copy}>
          Copy ticket
        </button>
      </header>
      <p class="small success" aria-live="polite">
        {copyState}
      </p>
      <div class="ticket-body">
        <div>
          <h4>Why</h4>
          <ExplanationBars contributions={ticket.explanation} />
        </div>
        <details class="draft">
          <summary>Draft ticket</summary>
          <h4>Steps to reproduce</h4>
          <ol>
            {ticket.draft.stepsToReproduce.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
          <div class="expected-observed">
            <div>
              <h4>Expected</h4>
              <p>{ticket.draft.expected}</p>
            </div>
            <div>
              <h4>Observed</h4>
              <p>{ticket.draft.observed}</p>
            </div>
          </div>
        </details>
      </div>
      <TriageButtons project={project} target={{ runId, sessionId: firstSession ?? '', ticketId: ticket.id }} />
    </article>
  );
}
