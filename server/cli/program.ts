import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { startReprise } from '../startReprise.js';
import { CliError, createApiClient } from './apiClient.js';
import { runCi } from './ciCommand.js';
import { runEval } from './evalCommand.js';
import { runWorker } from './workerCommand.js';

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
    .option('--no-worker', 'with REPRISE_REDIS_URL, only enqueue replay jobs: leave them to `reprise worker` processes (or REPRISE_WORKERS=0)')
    .action(async (options: { port?: string; data?: string; worker: boolean }) => {
      const config = loadConfig({ port: options.port === undefined ? undefined : Number(options.port), data: options.data });
      const reprise = await startReprise(config, { worker: options.worker && process.env.REPRISE_WORKERS !== '0' });
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
    .command('worker')
    .description('Consume replay jobs from Redis (REPRISE_REDIS_URL); run as many as the session volume needs, on any machine sharing the store.')
    .addOption(new Option('--concurrency <n>', 'session replays at once in this worker (each is three browser contexts)').env('REPRISE_WORKER_CONCURRENCY').default('2'))
    .addOption(new Option('--redis-url <url>', 'Redis holding the job queue').env('REPRISE_REDIS_URL'))
    .addOption(new Option('--data <dir>', 'data folder of the embedded store (shared with the server on this machine)').env('REPRISE_DATA_DIR'))
    .addOption(new Option('--lock-duration <ms>', 'how long a job stays owned without renewal; a dead worker\'s job moves on after about 1.5x this').env('REPRISE_JOB_LOCK_MS').hideHelp())
    .action(async (options) => {
      await runWorker(options);
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
    .option('--junit <file>', 'write a JUnit XML report (one test case per session; predicted tickets fail)')
    .option('--markdown <file>', 'write the pull-request comment as Markdown')
    .addOption(new Option('--github-token <token>', 'GitHub token to post a commit status and a PR comment').env('GITHUB_TOKEN'))
    .option('--github-repo <owner/name>', 'repository to post to (enables posting)')
    .option('--sha <commit>', 'commit that gets the status (the PR head, not the merge commit)')
    .option('--pr <number>', 'pull request that gets (or has updated) the Reprise comment')
    .addOption(new Option('--github-api <url>', 'GitHub API base (GitHub Enterprise: https://HOST/api/v3)').default('https://api.github.com'))
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

  program
    .command('eval')
    .description('Run a labelled benchmark and print precision, recall, false-alarm rate per session and calibration; exit 0 when its goal is met.')
    .option('--bench <dir>', 'benchmark folder, or an app name under bench/eval', 'shop')
    .option('--variants <list>', 'comma-separated variants to run (default: every case)')
    .option('--reports <dir>', 'score <variant>.json reports written by `reprise ci --json` instead of replaying')
    .option('--json <file>', 'write the evaluation as JSON to this file')
    .addOption(new Option('--server <url>', 'also record the result on this Reprise server (Model page plot); needs --project').env('REPRISE_SERVER'))
    .addOption(new Option('--project <key>', 'project to record the result on').env('REPRISE_PROJECT'))
    .addOption(tokenOption())
    .action(async (options) => {
      process.exitCode = await runEval(options);
    });

  return program;
}
