// JUnit XML for CI test reporters: one test case per replayed session, failing when the session is part of a
// predicted ticket, erroring when it could not be replayed.
import type { RunReport, SessionVerdict } from '../../protocol/index.js';
import { percent, predictedTickets } from './predictedTickets.js';

export function formatJunit(report: RunReport, threshold: number): string {
  const { bySession } = predictedTickets(report, threshold);
  const failures = report.sessions.filter((session) => bySession.has(session.id)).length;
  const errors = report.sessions.filter((session) => session.status === 'error').length;
  const seconds = (report.run.durationMs / 1000).toFixed(3);
  const cases = report.sessions.map((session) => {
    const open = `    <testcase classname="reprise.sessions" name="session ${xml(session.id)}" time="0">`;
    const tickets = bySession.get(session.id);
    if (tickets) {
      const message = tickets.map((ticket) => `${ticket.title} (${percent(ticket.probability)})`).join('; ');
      return `${open}\n      <failure message="${xml(message)}" type="predicted-ticket">${xml(describeDivergences(session))}</failure>\n    </testcase>`;
    }
    if (session.status === 'error') return `${open}\n      <error message="${xml(session.error ?? 'replay failed')}" type="replay-error"/>\n    </testcase>`;
    return `${open}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="reprise" tests="${report.sessions.length}" failures="${failures}" errors="${errors}" time="${seconds}">`,
    `  <testsuite name="reprise run ${xml(report.run.id)}" tests="${report.sessions.length}" failures="${failures}" errors="${errors}" time="${seconds}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function describeDivergences(session: SessionVerdict): string {
  return session.divergences
    .filter((divergence) => !divergence.noise)
    .map((divergence) => `step ${divergence.step} ${divergence.kind}: ${divergence.summary}`)
    .join('\n');
}

function xml(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
