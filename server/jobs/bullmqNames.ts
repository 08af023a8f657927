// Names shared by the BullMQ producer (server) and consumers (`reprise worker`): changing one breaks running fleets.
export const REPLAY_QUEUE = 'reprise-replay';
export const REPLAY_JOB = 'replay-session';
export const FINALIZE_JOB = 'finalize-run';
/** Retry n waits `RETRY_BASE_DELAY_MS * 2^(n-1)`. */
export const RETRY_BASE_DELAY_MS = 2000;
/** Completed and failed jobs are kept this long for inspection, then dropped. */
export const KEEP_FINISHED_JOBS_S = 24 * 3600;

/** BullMQ job ids may not contain ':'; the same (run, session) always maps to the same id, so re-enqueueing is a no-op. */
export function replayJobId(runId: string, sessionId: string): string {
  return `${safe(runId)}.${safe(sessionId)}`;
}

export function finalizeJobId(runId: string): string {
  return `${safe(runId)}.finalize`;
}

export function finalizedKey(runId: string): string {
  return `reprise:finalized:${runId}`;
}

function safe(id: string): string {
  return id.replaceAll(':', '_');
}
