// Child-process entry for crash tests: starts the server from the environment (PORT, REPRISE_DATA_DIR, …) and
// prints `{"url", "port"}` as one JSON line on stdout once it listens. SIGTERM closes it cleanly.
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../config.js';
import { startServer } from '../../http/index.js';

const config = loadConfig({}, process.env);
const server = await startServer(config, { logger: pino({ level: 'silent' }), distDir: path.join(config.dataDir, 'no-dist'), retention: false });
process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
