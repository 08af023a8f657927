import type { RunReport } from '../../protocol/index.js';

const percent = (probability: number) => `${Math.round(probability * 100)}%`;

/** The human summary `reprise ci` prints: predicted tickets first, then every divergent session. */
export function formatReport(report: RunReport, threshold: number): string[] {
  const lines: string[] = [];
  const diverged = report.sessions.filter((session) => session.status === 'diverged');
  const errors = report.sessions.filter((session) => session.status === 'error');
  const predicted = report.tickets.filter((ticket) => ticket.probability >= threshold);
  lines.push('');
  lines.push(`${report.sessions.length} session(s) replayed in ${(report.run.durationMs / 1000).toFixed(1)} s: ${diverged.length} diverged, ${errors.length} error(s), ${predicted.length} predicted ticket(s).`);
  for (const ticket of predicted) {
    lines.push(`  TICKET ${percent(ticket.probability)}  ${ticket.title}  (${ticket.sessionIds.length} session(s))`);
  }
  for (const session of diverged) {
    const top = [...session.divergences].filter((d) => !d.noise).slice(0, 3);
    lines.push(`  session ${session.id}: ${percent(session.ticketProbability)}`);
    for (const divergence of top) lines.push(`    step ${divergence.step} ${divergence.kind}: ${divergence.summary}`);
  }
  for (const session of errors) lines.push(`  session ${session.id}: error: ${session.error}`);
  if (report.run.dashboardUrl) lines.push(`Dashboard: ${report.run.dashboardUrl}`);
  return lines;
}
