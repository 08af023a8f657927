import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { startReprise } from '../startReprise.js';
import { CliError, createApiClient } from './apiClient.js';
import { runCi } from './ciCommand.js';

const serverOption = () => new Option('--server <url>', 'Reprise server URL').env('REPRISE_SERVER').default('http://localhost:4400');
const projectOption = () => new Option('--project <key>', 'project id or ingest key').env('REPRISE_PROJECT').makeOptionMandatory();
const tokenOption = () => new Option('--token <token>', 'API token').env('REPRISE_TOKEN');

export function buildProgram(): Command {
  const program = new Command('reprise')
    .description('Replays real customer sessions against preview deployments and predicts which changes become tickets.')
    .showHelpAfterError();

  program
    .command('start')
    .description('Start ingest, API, dashboard and replay workers (embedded store unless REPRISE_MONGO_URL is set).')
    .addOption(new Option('--port <port>', 'port to listen on').env('PORT'))
    .addOption(new Option('--data <dir>', 'data folder of the embedded store').env('REPRISE_DATA_DIR'))
    .action(async (options: { port?: string; data?: string }) => {
      const config = loadConfig({ port: options.port === undefined ? undefined : Number(options.port), data: options.data });
      const reprise = await startReprise(config);
      reprise.logger.info(`Reprise is running at ${reprise.url} (data in ${config.dataDir}, ${reprise.store.kind} store)`);
      const shutdown = async (signal: string) => {
        reprise.logger.info({ signal }, 'shutting down');
        await reprise.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('ci')
    .description('Replay recorded sessions against a baseline and a candidate; exit 0 when no ticket is predicted, 1 when one is, 2 on error.')
    .addOption(serverOption())
    .addOption(projectOption())
    .addOption(tokenOption())
    .requiredOption('--baseline <url>', 'URL of the baseline deployment')
    .requiredOption('--candidate <url>', 'URL of the candidate (preview) deployment')
    .option('--sessions <n|all>', 'how many sessions to replay (default: the project budget), or "all"')
    .option('--json <file>', 'write the run report as JSON to this file')
    .option('--fail-on <probability>', 'ticket probability from which the run fails', '0.5')
    .option('--timeout <seconds>', 'give up after this long', '1800')
    .action(async (options) => {
      process.exitCode = await runCi(options);
    });

  program
    .command('import')
    .description('Import an rrweb event array (as PostHog and others export it) as a recorded session.')
    .argument('<file>', 'JSON file with an array of rrweb events, or {sessionId, events}')
    .addOption(serverOption())
    .addOption(projectOption())
    .addOption(tokenOption())
    .action(async (file: string, options: { server: string; project: string; token?: string }) => {
      const body = JSON.parse(await readFile(file, 'utf8').catch((error: Error) => {
        throw new CliError(`Cannot read ${file}: ${error.message}`);
      }));
      const result = await createApiClient(options).post<{ sessionId: string; events: number }>('/api/import', body, `import ${file}`);
      console.log(`Imported session ${result.sessionId} (${result.events} events)`);
    });

  program
    .command('export')
    .description('Export a recorded session as a Playwright test.')
    .argument('<session>', 'session id')
    .addOption(new Option('--format <format>', 'output format').choices(['playwright']).default('playwright'))
    .option('--base-url <url>', 'origin the test runs against (default: the recorded origin)')
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(serverOption())
    .addOption(projectOption())
    .addOption(tokenOption())
    .action(async (session: string, options: { server: string; project: string; token?: string; baseUrl?: string; out?: string }) => {
      const query = options.baseUrl ? `&baseUrl=${encodeURIComponent(options.baseUrl)}` : '';
      const spec = await createApiClient(options).getText(`/api/sessions/${encodeURIComponent(session)}/export?format=playwright${query}`, `export session ${session}`);
      if (options.out) await writeFile(options.out, spec);
      else process.stdout.write(spec);
    });

  return program;
}
