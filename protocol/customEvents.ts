// Reprise's additions to an rrweb recording. Each is an rrweb Custom event (type 5) whose `data` is
// `{ tag, payload }`. rrweb records no keys, submits, route changes or network, and masked inputs arrive as
// asterisks; these events carry the replay intent that rrweb lacks.
import type { ActionTarget, MaskedShape } from './target.js';

export const CustomTag = {
  action: 'reprise.action',
  route: 'reprise.route',
  network: 'reprise.network',
  console: 'reprise.console',
  error: 'reprise.error',
  identify: 'reprise.identify',
  context: 'reprise.context',
  stopped: 'reprise.stopped',
  track: 'reprise.track',
} as const;
export type CustomTagName = (typeof CustomTag)[keyof typeof CustomTag];

export type KeyModifier = 'Alt' | 'Control' | 'Meta' | 'Shift';

/** A user action as the recorder saw it, with the target resolved in the page at that moment. */
export type RecordedAction =
  | { type: 'click' | 'dblclick' | 'contextmenu'; target: ActionTarget; modifiers?: KeyModifier[] }
  /** Final value of a text-like field after the user typed (keystrokes coalesced by the recorder). */
  | { type: 'input'; target: ActionTarget; value?: string; masked?: MaskedShape; field?: string }
  | { type: 'check'; target: ActionTarget; checked: boolean }
  | { type: 'select'; target: ActionTarget; values: string[] }
  /** A key that matters: Enter, Escape, Tab, arrows, or any key with Control/Meta/Alt. `key` is KeyboardEvent.key. */
  | { type: 'key'; target?: ActionTarget; key: string; modifiers?: KeyModifier[] }
  | { type: 'submit'; target: ActionTarget }
  | { type: 'file'; target: ActionTarget; files: { name: string; type: string; size: number }[] };

export interface RouteChange {
  kind: 'load' | 'pushState' | 'replaceState' | 'popstate' | 'hashchange';
  url: string;
}

export interface NetworkRecord {
  initiator: 'fetch' | 'xhr';
  method: string;
  url: string;
  /** 0 when the request failed without a response. */
  status: number;
  error?: string;
  startedAt: number;
  durationMs: number;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  /** Bodies are kept only for JSON and text, truncated to the configured size; masked fields are removed. */
  requestBody?: string;
  responseBody?: string;
}

export interface ConsoleRecord {
  level: 'error' | 'warn';
  message: string;
  stack?: string;
}

export interface ErrorRecord {
  kind: 'error' | 'unhandledrejection';
  message: string;
  stack?: string;
  source?: string;
}

export interface IdentifyRecord {
  userId?: string;
  accountId?: string;
  traits?: Record<string, string | number | boolean>;
}

export interface ContextRecord {
  url: string;
  userAgent: string;
  viewport: { width: number; height: number };
  appVersion?: string;
  flags?: Record<string, string | number | boolean>;
  /** Storage captured at record time (keys matched by the recorder's allow-list only), restored before replay. */
  localStorage?: Record<string, string>;
  sessionStorage?: Record<string, string>;
}

export interface StoppedRecord {
  reason: 'mutation-limit' | 'manual' | 'inactivity' | 'error';
  detail?: string;
}

export interface CustomPayloads {
  'reprise.action': RecordedAction;
  'reprise.route': RouteChange;
  'reprise.network': NetworkRecord;
  'reprise.console': ConsoleRecord;
  'reprise.error': ErrorRecord;
  'reprise.identify': IdentifyRecord;
  'reprise.context': ContextRecord;
  'reprise.stopped': StoppedRecord;
  'reprise.track': { name: string; properties?: Record<string, string | number | boolean> };
}

export interface RepriseCustomData<T extends CustomTagName = CustomTagName> {
  tag: T;
  payload: CustomPayloads[T];
}
