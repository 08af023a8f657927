// The pull-request comment: predicted tickets first, then the divergent sessions folded away.
import type { RunReport } from '../../protocol/index.js';
import { percent, predictedTickets } from './predictedTickets.js';

/** Hidden marker by which `reprise ci` finds its own earlier comment to update instead of adding another. */
export const REPRISE_COMMENT_MARKER = '<!-- reprise -->';

export function formatMarkdown(report: RunReport, threshold: number): string {
  const { tickets } = predictedTickets(report, threshold);
  const diverged = report.sessions.filter((session) => session.status === 'diverged');
  const errors = report.sessions.filter((session) => session.status === 'error');
  const runLink = report.run.dashboardUrl;
  const sessionLink = (id: string) => (runLink ? `[\`${id}\`](${runLink}/sessions/${encodeURIComponent(id)})` : `\`${id}\``);
  const lines = [REPRISE_COMMENT_MARKER];
  lines.push(tickets.length ? `## Reprise: ${tickets.length} predicted ticket(s)` : '## Reprise: no predicted ticket');
  lines.push('');
  lines.push(
    `${report.sessions.length} recorded session(s) replayed against ${report.run.candidate} (baseline ${report.run.baseline}): ` +
      `${diverged.length} diverged, ${errors.length} could not be replayed.` + (runLink ? ` [Open the run](${runLink})` : ''),
  );
  if (tickets.length) {
    lines.push('', '| Probability | Predicted ticket | Affected sessions |', '| --- | --- | --- |');
    for (const ticket of tickets) {
      const shown = ticket.sessionIds.slice(0, 5).map(sessionLink).join(', ');
      const more = ticket.sessionIds.length > 5 ? ` and ${ticket.sessionIds.length - 5} more` : '';
      lines.push(`| **${percent(ticket.probability)}** | ${cell(ticket.title)} | ${ticket.sessionIds.length}: ${shown}${more} |`);
    }
  }
  if (diverged.length) {
    lines.push('', `<details><summary>${diverged.length} divergent session(s)</summary>`, '');
    for (const session of diverged) {
      lines.push(`- ${sessionLink(session.id)}: ${percent(session.ticketProbability)}`);
      for (const divergence of session.divergences.filter((d) => !d.noise).slice(0, 3)) {
        lines.push(`  - step ${divergence.step} \`${divergence.kind}\`: ${cell(divergence.summary)}`);
      }
    }
    lines.push('', '</details>');
  }
  lines.push('');
  return lines.join('\n');
}

/** Table cells and list items stay on one line and cannot close the table. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
