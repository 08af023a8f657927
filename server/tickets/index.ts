// Real customer tickets as labels: linked to the sessions they are about, they teach the ticket model.
export { customerTicketSchema, TicketError, type CustomerTicket } from './customerTicket.js';
export { linkCustomerTicket, TICKET_LOOKBACK_MS, type LinkedTicket } from './linkCustomerTicket.js';
export { ticketsFromGitHubIssues } from './gitHubIssues.js';
export { ticketFromWebhook } from './webhookTicket.js';
export { mountTicketRoutes, type TicketRouteDeps } from './ticketRoutes.js';
export { loadAnalysisHistory, rememberSessionNoise, rescoreStoredRun, type AnalysisHistory } from './analysisHistory.js';
