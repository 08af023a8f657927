// One job model, two backends (in-process and BullMQ): a run is many session-replay jobs plus one finalization.

export interface RunRef {
  projectId: string;
  runId: string;
}

export interface ReplayJob extends RunRef {
  sessionId: string;
  /** 0 on the first try. */
  attempt: number;
}

/**
 * What a backend calls. Every handler is idempotent, because any job may run again after a worker dies: a replay
 * result is keyed by (run, session), and finalization does nothing once the run has left the `running` state.
 */
export interface RunJobHandlers {
  replay(job: ReplayJob): Promise<void>;
  /** The job used all its attempts: record an error verdict so that the run can still finish. */
  giveUp(job: ReplayJob, error: unknown): Promise<void>;
  /** After each replay job: refresh the run's progress (never finalizes). */
  reportProgress(run: RunRef): Promise<void>;
  /** Once every replay job of the run has ended: assemble the report and mark the run completed. */
  finalize(run: RunRef): Promise<void>;
}

export interface JobQueue {
  readonly backend: 'in-process' | 'bullmq';
  enqueueRun(run: RunRef, sessionIds: string[]): Promise<void>;
  /** Resolves when no replay or finalization job is waiting or running (tests and `reprise ci --local`). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Tries per replay job, the first included. */
export const MAX_ATTEMPTS = 3;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
