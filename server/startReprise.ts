import type { ServerConfig } from './config.js';
import { startServer, type RunningServer } from './http/index.js';
import { observeRunUpdate } from './http/metrics.js';
import { attachRedisAdapter, type RunningWorker } from './jobs/index.js';
import { BrowserPool, createRunService, mountRunRoutes, startReplayWorker, type RunService } from './runs/index.js';
import { mountTicketRoutes } from './tickets/index.js';
import { scheduleRoutes, startScheduler, webhookRoutes, type Scheduler } from './triggers/index.js';

export interface RunningReprise extends RunningServer {
  runs: RunService;
  /** Cron schedules of every project (server/triggers); tests call `scheduler.tick()`. */
  scheduler: Scheduler;
}

export interface StartRepriseOptions {
  /**
   * With Redis (config.redisUrl), whether this process also consumes replay jobs like a `reprise worker`
   * (default true; `reprise start --no-worker` or REPRISE_WORKERS=0 turn it off). Without Redis replays always
   * run in this process.
   */
  worker?: boolean;
  /** Concurrent session replays in this process. */
  concurrency?: number;
  /** How often the scheduler looks for due cron schedules; 0 turns its timer off (tests tick it by hand). */
  schedulerIntervalMs?: number;
}

/** The whole product in one process: ingest, API, dashboard, live updates and replay workers (in-process or BullMQ). */
export async function startReprise(config: ServerConfig, options: StartRepriseOptions = {}): Promise<RunningReprise> {
  const browsers = new BrowserPool();
  let runs: RunService | undefined;
  let scheduler: Scheduler | undefined;
  let listeningUrl: string | undefined;
  // With port 0 the configured public URL names no real port: link to where the server actually listens.
  const publicUrl = () => (config.port === 0 && listeningUrl ? listeningUrl : config.publicUrl);
  const server = await startServer(config, {
    mount: (app, deps) => {
      runs = createRunService({
        store: deps.store,
        logger: deps.logger,
        browsers,
        publicUrl,
        redisUrl: config.redisUrl,
        concurrency: options.concurrency,
        onRunUpdated: (run, origin) => {
          observeRunUpdate(run);
          // Every server hears queue events: each tells its own sockets, or dashboards would get one copy per server.
          const sockets = origin === 'queue-event' ? deps.io?.local : deps.io;
          sockets?.to(`project:${run.projectId}`).emit('run:updated', run);
        },
      });
      mountRunRoutes(app, { ...deps, runs });
      mountTicketRoutes(app, deps);
      const triggerDeps = { store: deps.store, logger: deps.logger, runs: runs! };
      scheduler = startScheduler({ ...triggerDeps, intervalMs: options.schedulerIntervalMs });
      app.use(webhookRoutes({ ...triggerDeps, requireProject: deps.requireProject }));
      app.use(scheduleRoutes({ ...deps, scheduler }));
    },
  });
  listeningUrl = server.url;
  const runService = runs!;
  let worker: RunningWorker | undefined;
  let detachAdapter: (() => Promise<void>) | undefined;
  if (config.redisUrl) {
    try {
      await runService.ready();
      detachAdapter = await attachRedisAdapter(server.io, config.redisUrl);
      if (options.worker !== false) {
        worker = await startReplayWorker(
          { store: server.store, logger: server.logger, browsers, publicUrl },
          { redisUrl: config.redisUrl, concurrency: options.concurrency ?? 2 },
        );
      }
    } catch (error) {
      await runService.close().catch(() => {});
      await detachAdapter?.().catch(() => {});
      await server.close();
      throw error;
    }
  }
  return {
    ...server,
    runs: runService,
    scheduler: scheduler!,
    async close() {
      await scheduler?.stop();
      await worker?.close();
      await runService.close();
      await browsers.close();
      await server.close();
      // After the sockets: closing Socket.IO unsubscribes the adapter from Redis.
      await detachAdapter?.();
    },
  };
}
