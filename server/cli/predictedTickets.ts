import type { PredictedTicket, RunReport } from '../../protocol/index.js';

/** Tickets at or above the threshold, and for each session id the predicted tickets it is part of. */
export function predictedTickets(report: RunReport, threshold: number): { tickets: PredictedTicket[]; bySession: Map<string, PredictedTicket[]> } {
  const tickets = report.tickets.filter((ticket) => ticket.probability >= threshold).sort((a, b) => b.probability - a.probability);
  const bySession = new Map<string, PredictedTicket[]>();
  for (const ticket of tickets) {
    for (const sessionId of ticket.sessionIds) bySession.set(sessionId, [...(bySession.get(sessionId) ?? []), ticket]);
  }
  return { tickets, bySession };
}

export const percent = (probability: number): string => `${Math.round(probability * 100)}%`;
