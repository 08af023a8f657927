// Session identity kept in sessionStorage: reloads and navigations in one tab continue the same session.
import { IDLE_TIMEOUT_MS } from './options.js';

export interface SessionState {
  id: string;
  nextSeq: number;
  lastActivityAt: number;
  sampled: boolean;
}

const SESSION_KEY = 'reprise.session';
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_LENGTH = 21;

export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH));
  return Array.from(bytes, (byte) => ID_ALPHABET[byte & 63]).join('');
}

export function newSession(sampleRate: number, now: number): SessionState {
  return { id: newSessionId(), nextSeq: 0, lastActivityAt: now, sampled: Math.random() < sampleRate };
}

export function isExpired(session: SessionState, now: number, idleTimeoutMs = IDLE_TIMEOUT_MS): boolean {
  return now - session.lastActivityAt > idleTimeoutMs;
}

export function loadSession(sampleRate: number, now: number, idleTimeoutMs = IDLE_TIMEOUT_MS): SessionState {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null') as SessionState | null;
    if (stored && typeof stored.id === 'string' && !isExpired(stored, now, idleTimeoutMs)) return stored;
  } catch {
    // Storage disabled or corrupt: a fresh session is the safe answer.
  }
  return newSession(sampleRate, now);
}

export function saveSession(session: SessionState): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session simply ends with this page.
  }
}
