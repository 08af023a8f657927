// Starts the runs of every project's cron schedules. One timer per server process: with several server replicas
// each would fire, so run schedules on one of them (see docs/webhooks.md).
import type { Project, ProjectSchedule } from '../store/index.js';
import type { TriggerDeps } from './acceptDeployment.js';
import { nextRunTimes } from './cronSchedule.js';
import { resolveBaseline } from './resolveBaseline.js';

export const SCHEDULER_TICK_MS = 30_000;

export interface ScheduleView extends ProjectSchedule {
  index: number;
  /** Epoch ms of the next firing, null when the expression never fires again. */
  nextRunAt: number | null;
  /** The following few firings, for the dashboard. */
  upcoming: number[];
  lastRunId?: string;
  lastError?: string;
}

export interface Scheduler {
  /** Starts the runs of the schedules that came due since the last tick; returns their run ids. */
  tick(): Promise<string[]>;
  describe(project: Project): ScheduleView[];
  stop(): Promise<void>;
}

export interface SchedulerOptions extends TriggerDeps {
  /** 0 disables the timer (tests call tick()). */
  intervalMs?: number;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? Date.now;
  const outcomes = new Map<string, { lastRunId?: string; lastError?: string }>();
  let lastTickAt = now();
  let ticking: Promise<string[]> | undefined;
  const intervalMs = options.intervalMs ?? SCHEDULER_TICK_MS;
  const timer = intervalMs > 0 ? setInterval(() => void tick(), intervalMs) : undefined;
  timer?.unref();

  async function fire(project: Project, schedule: ProjectSchedule, index: number): Promise<string | undefined> {
    const key = `${project.id}#${index}`;
    try {
      const baseline = await resolveBaseline(options.store, project, schedule.baselineUrl);
      if (!baseline) throw new Error(`project ${project.id} has no baseline: give the schedule a baselineUrl or set the project's baseline URL`);
      const run = await options.runs.startRun(project, { baseline, candidate: schedule.candidateUrl, trigger: 'schedule' });
      outcomes.set(key, { lastRunId: run.id });
      options.logger.info({ projectId: project.id, cron: schedule.cron, runId: run.id }, 'schedule started a run');
      return run.id;
    } catch (error) {
      const message = (error as Error).message;
      outcomes.set(key, { ...outcomes.get(key), lastError: message });
      options.logger.warn({ projectId: project.id, cron: schedule.cron, err: message }, 'scheduled run could not start');
      return undefined;
    }
  }

  async function runTick(): Promise<string[]> {
    const from = lastTickAt;
    const until = now();
    lastTickAt = until;
    const started: string[] = [];
    for (const project of await options.store.listProjects()) {
      for (const [index, schedule] of (project.schedules ?? []).entries()) {
        // Several missed firings (a long pause) start one run, not a burst.
        const [due] = safeNextRunTimes(schedule.cron, from, 1);
        if (due === undefined || due > until) continue;
        const runId = await fire(project, schedule, index);
        if (runId) started.push(runId);
      }
    }
    return started;
  }

  function tick(): Promise<string[]> {
    // Overlapping ticks would fire a schedule twice: a tick that finds one running waits for it instead.
    ticking ??= runTick()
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'scheduler tick failed; it is retried at the next interval');
        return [];
      })
      .finally(() => (ticking = undefined));
    return ticking;
  }

  return {
    tick,
    describe(project) {
      return (project.schedules ?? []).map((schedule, index) => {
        const upcoming = safeNextRunTimes(schedule.cron, now(), 3);
        return { ...schedule, index, nextRunAt: upcoming[0] ?? null, upcoming, ...outcomes.get(`${project.id}#${index}`) };
      });
    },
    async stop() {
      if (timer) clearInterval(timer);
      await ticking;
    },
  };
}

function safeNextRunTimes(cron: string, afterMs: number, count: number): number[] {
  try {
    return nextRunTimes(cron, afterMs, count);
  } catch {
    return [];
  }
}
