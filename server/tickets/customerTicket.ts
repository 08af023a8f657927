// A real customer ticket, as any help desk can send it: what was reported, when, and by whom.
import { z } from 'zod';

export const customerTicketSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    /** When the customer reported it: epoch ms or an ISO 8601 date. */
    time: z.union([z.number().int().positive(), z.string().min(1)]),
    userId: z.string().trim().min(1).max(300).optional(),
    sessionId: z.string().trim().min(1).max(300).optional(),
    /** Page the customer mentions; narrows which sessions and divergences it is about. */
    url: z.string().max(2000).optional(),
    /** Id in the source system (GitHub issue number, help-desk id), for idempotent re-imports. */
    externalId: z.string().max(300).optional(),
  })
  .refine((ticket) => ticket.userId || ticket.sessionId, { message: 'a ticket needs a userId or a sessionId to be linked to sessions' });

export type CustomerTicket = z.infer<typeof customerTicketSchema>;

export class TicketError extends Error {
  override name = 'TicketError';
  constructor(
    readonly code: 'INVALID_TICKET' | 'INVALID_TICKET_TIME' | 'NOTHING_TO_IMPORT',
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export function ticketTimeMs(ticket: CustomerTicket): number {
  const time = typeof ticket.time === 'number' ? ticket.time : Date.parse(ticket.time);
  if (!Number.isFinite(time)) {
    throw new TicketError('INVALID_TICKET_TIME', `Cannot link ticket "${ticket.title}": its time "${ticket.time}" is neither epoch milliseconds nor an ISO 8601 date. Send e.g. "2026-05-01T10:00:00Z".`);
  }
  return time;
}
