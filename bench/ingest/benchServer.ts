// A real Reprise server on 127.0.0.1:0 over a temp data dir, with the ingest rate limit set out of the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/http/index.js';

export const BENCH_INGEST_KEY = 'bench-ingest-key-0001';

export interface BenchServer extends RunningServer {
  dataDir: string;
  /** Closes the server and removes its data dir. */
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-bench-ingest-'));
  const config = loadConfig({ port: 0, data: dataDir }, {
    REPRISE_PROJECT_KEY: BENCH_INGEST_KEY,
    REPRISE_ADMIN_TOKEN: 'bench-admin-token-0001',
    REPRISE_ADMIN_PASSWORD: 'bench-admin-password',
    REPRISE_INGEST_RATE: '1000000',
    REPRISE_INGEST_BURST: '1000000',
    REPRISE_LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { logger: pino({ level: 'silent' }), distDir: path.join(dataDir, 'no-dist'), retention: false });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
