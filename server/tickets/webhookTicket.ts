// A generic help-desk webhook: the field names differ between tools (Zendesk, Intercom, Freshdesk, a form), so
// common spellings of each field are accepted, top level or under `ticket`.
import type { CustomerTicket } from './customerTicket.js';

const TITLE_FIELDS = ['title', 'subject', 'summary', 'name'];
const TIME_FIELDS = ['time', 'created_at', 'createdAt', 'timestamp', 'date'];
const USER_FIELDS = ['userId', 'user_id', 'requester_id', 'customerId', 'customer_id', 'email', 'user.id', 'requester.id', 'requester.email', 'customer.id'];
const SESSION_FIELDS = ['sessionId', 'session_id', 'repriseSessionId', 'metadata.sessionId'];
const URL_FIELDS = ['url', 'page', 'pageUrl', 'page_url'];
const ID_FIELDS = ['id', 'externalId', 'ticket_id'];

/** Returns a candidate ticket for customerTicketSchema to validate; missing fields stay missing. */
export function ticketFromWebhook(payload: unknown): Record<string, unknown> {
  const root = isObject(payload) && isObject(payload.ticket) ? payload.ticket : payload;
  if (!isObject(root)) return {};
  const pick = (fields: string[]) => fields.map((field) => valueAt(root, field)).find((value) => value !== undefined && value !== null && value !== '');
  const id = pick(ID_FIELDS);
  const candidate: Partial<Record<keyof CustomerTicket, unknown>> = {
    title: pick(TITLE_FIELDS),
    time: pick(TIME_FIELDS) ?? Date.now(),
    userId: stringOrUndefined(pick(USER_FIELDS)),
    sessionId: stringOrUndefined(pick(SESSION_FIELDS)),
    url: stringOrUndefined(pick(URL_FIELDS)),
    externalId: id === undefined ? undefined : `webhook-${id}`,
  };
  return Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
}

function valueAt(object: Record<string, unknown>, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) current = isObject(current) ? current[part] : undefined;
  return current;
}

function stringOrUndefined(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
