import type { ServerConfig } from './config.js';
import { startServer, type RunningServer } from './http/index.js';
import { BrowserPool, createRunService, mountRunRoutes, type RunService } from './runs/index.js';

export interface RunningReprise extends RunningServer {
  runs: RunService;
}

/** The whole product in one process: ingest, API, dashboard, live updates and in-process replay workers. */
export async function startReprise(config: ServerConfig): Promise<RunningReprise> {
  const browsers = new BrowserPool();
  let runs: RunService | undefined;
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
        onRunUpdated: (run) => deps.io?.to(`project:${run.projectId}`).emit('run:updated', run),
      });
      mountRunRoutes(app, { ...deps, runs });
    },
  });
  listeningUrl = server.url;
  const runService = runs!;
  return {
    ...server,
    runs: runService,
    async close() {
      await runService.close();
      await browsers.close();
      await server.close();
    },
  };
}
