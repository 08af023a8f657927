// Everything a host page can configure, with the defaults the privacy promise in docs/recorder.md relies on.

export interface RecorderOptions {
  /** Project ingest key, sent as `x-reprise-key`. */
  projectKey: string;
  /** Origin of the Reprise server, e.g. `http://localhost:4400`. */
  endpoint: string;
  /** Mask every input value, not only passwords and payment fields. */
  maskAllInputs?: boolean;
  /** Share of sessions recorded, 0..1, decided once per session. */
  sampleRate?: number;
  appVersion?: string;
  flags?: Record<string, string | number | boolean>;
  /** Record JSON and text request/response bodies (sensitive keys masked). */
  networkBodies?: boolean;
  networkBodyMaxBytes?: number;
  /** localStorage / sessionStorage keys whose values are captured in `reprise.context`. */
  storageAllowList?: string[];
  flushIntervalMs?: number;
  /** Inactivity after which the next user action starts a new session (default 30 minutes). */
  idleTimeoutMs?: number;
  /** First retry delay; later ones double, with jitter. */
  retryBaseMs?: number;
  maxSendAttempts?: number;
  onError?: (error: unknown, operation: string) => void;
}

export type ResolvedOptions = Required<Omit<RecorderOptions, 'appVersion' | 'flags' | 'onError'>> &
  Pick<RecorderOptions, 'appVersion' | 'flags' | 'onError'>;

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const CHECKOUT_EVERY_MS = 5 * 60_000;
export const MAX_EVENTS_PER_FLUSH = 500;
export const MAX_BYTES_PER_FLUSH = 1_000_000;
/** Sentry stops at the same figure: past it a page mutates too much for recording to stay cheap. */
export const MUTATION_LIMIT_PER_WINDOW = 10_000;
export const OUTBOX_MAX_BYTES = 2_000_000;
/** Browsers refuse keepalive fetches and beacons whose bodies add up past 64 KiB. */
export const KEEPALIVE_MAX_BYTES = 60_000;

export function resolveOptions(options: RecorderOptions): ResolvedOptions {
  return {
    maskAllInputs: false,
    sampleRate: 1,
    networkBodies: true,
    networkBodyMaxBytes: 10_240,
    storageAllowList: [],
    flushIntervalMs: 5_000,
    idleTimeoutMs: IDLE_TIMEOUT_MS,
    retryBaseMs: 1_000,
    maxSendAttempts: 5,
    ...options,
    endpoint: options.endpoint.replace(/\/+$/, ''),
  };
}
