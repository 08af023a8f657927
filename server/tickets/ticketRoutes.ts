// HTTP adapters for customer tickets: validate, link, return what was labelled. A TicketError reaches the
// server's error handler, which answers with its status and code.
import type { Express, Request, RequestHandler, Response } from 'express';
import { describeZodError } from '../../protocol/index.js';
import type { Project, Store } from '../store/index.js';
import { customerTicketSchema, TicketError } from './customerTicket.js';
import { ticketsFromGitHubIssues } from './gitHubIssues.js';
import { linkCustomerTicket, type LinkedTicket } from './linkCustomerTicket.js';
import { ticketFromWebhook } from './webhookTicket.js';

export interface TicketRouteDeps {
  store: Store;
  requireProject: RequestHandler;
  requireCsrf: RequestHandler;
}

export function mountTicketRoutes(app: Express, deps: TicketRouteDeps): void {
  const { store, requireProject, requireCsrf } = deps;
  const projectOf = (res: Response) => res.locals.project as Project;

  app.post('/api/tickets', requireProject, requireCsrf, async (req: Request, res: Response) => {
    res.status(201).json(await linkCustomerTicket(store, projectOf(res), parseTicket(req.body)));
  });

  app.post('/api/tickets/webhook', requireProject, requireCsrf, async (req: Request, res: Response) => {
    res.status(201).json(await linkCustomerTicket(store, projectOf(res), parseTicket(ticketFromWebhook(req.body))));
  });

  app.post('/api/tickets/import/github', requireProject, requireCsrf, async (req: Request, res: Response) => {
    const { tickets, skipped } = ticketsFromGitHubIssues(req.body);
    const linked: LinkedTicket[] = [];
    for (const ticket of tickets) linked.push(await linkCustomerTicket(store, projectOf(res), ticket));
    res.status(201).json({ imported: linked.length, labelled: linked.reduce((sum, ticket) => sum + ticket.labels.length, 0), tickets: linked, skipped });
  });
}

function parseTicket(body: unknown) {
  const parsed = customerTicketSchema.safeParse(body);
  if (!parsed.success) throw new TicketError('INVALID_TICKET', `Invalid ticket: ${describeZodError(parsed.error)}. Send {title, time, userId or sessionId, url?}.`);
  return parsed.data;
}
