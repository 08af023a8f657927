// The markdown a "Copy ticket" puts on the clipboard, ready to paste into an issue tracker.
import type { PredictedTicket } from '../../protocol/divergence.js';
import { formatPercent } from './format.js';

export function ticketMarkdown(ticket: PredictedTicket, context: { runUrl?: string; candidate?: string } = {}): string {
  const lines = [`## ${ticket.draft.title || ticket.title}`, ''];
  lines.push(
    `Predicted by Reprise: ${formatPercent(ticket.probability)} likely to become a customer ticket ` +
      `(${ticket.sessionIds.length} session${ticket.sessionIds.length === 1 ? '' : 's'}, ` +
      `${ticket.userIds.length} user${ticket.userIds.length === 1 ? '' : 's'} affected).`,
  );
  if (context.candidate) lines.push(`Candidate: ${context.candidate}`);
  if (context.runUrl) lines.push(`Run: ${context.runUrl}`);
  lines.push('', '### Steps to reproduce');
  ticket.draft.stepsToReproduce.forEach((step, index) => lines.push(`${index + 1}. ${step}`));
  lines.push('', '### Expected', ticket.draft.expected, '', '### Observed', ticket.draft.observed, '');
  return lines.join('\n');
}
