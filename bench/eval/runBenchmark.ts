// Runs a labelled benchmark for real: start the app's environment, record its customers, then one `reprise ci`
// run per variant against the baseline, and score the reports.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunReport } from '../../protocol/index.js';
import { evaluateBenchmark, type BenchmarkCase, type BenchmarkEvaluation, type BenchmarkRun } from '../../server/analysis/index.js';
import { runCi } from '../../server/cli/ciCommand.js';
import type { BenchEnvironmentModule } from './benchEnvironment.js';

export interface BenchmarkDefinition {
  app: string;
  baseline: string;
  cases: BenchmarkCase[];
}

export class BenchmarkError extends Error {
  override name = 'BenchmarkError';
  readonly code = 'BENCHMARK_INVALID';
}

/** Reads `<dir>/cases.json`; `only` keeps the named variants (the baseline deployment is always started). */
export async function loadBenchmark(dir: string, only?: string[]): Promise<BenchmarkDefinition> {
  const file = join(dir, 'cases.json');
  const raw = JSON.parse(await readFile(file, 'utf8').catch(() => {
    throw new BenchmarkError(`Cannot read the benchmark ${file}: a benchmark folder holds cases.json ({app, baseline, cases: [{variant, kind, expectedDivergence?}]}) and environment.ts.`);
  })) as { app?: string; baseline?: string; cases?: Omit<BenchmarkCase, 'app'>[] };
  if (!raw.app || !raw.baseline || !Array.isArray(raw.cases)) throw new BenchmarkError(`Invalid ${file}: expected {app, baseline, cases: [...]}.`);
  const cases = raw.cases.map((entry) => ({ ...entry, app: raw.app! }));
  const missing = (only ?? []).filter((variant) => !cases.some((entry) => entry.variant === variant));
  if (missing.length) throw new BenchmarkError(`Unknown variant(s) ${missing.join(', ')} for benchmark ${raw.app}; cases.json has ${cases.map((entry) => entry.variant).join(', ')}.`);
  return { app: raw.app, baseline: raw.baseline, cases: only?.length ? cases.filter((entry) => only.includes(entry.variant)) : cases };
}

export async function runBenchmark(dir: string, options: { variants?: string[]; print?: (line: string) => void } = {}): Promise<{ runs: BenchmarkRun[]; evaluation: BenchmarkEvaluation }> {
  const print = options.print ?? (() => {});
  const benchmark = await loadBenchmark(dir, options.variants);
  const { startBenchEnvironment } = (await import(pathToFileURL(resolve(dir, 'environment.ts')).href)) as BenchEnvironmentModule;
  const dataDir = await mkdtemp(join(tmpdir(), `reprise-eval-${benchmark.app}-`));
  const variants = [...new Set([benchmark.baseline, ...benchmark.cases.map((entry) => entry.variant)])];
  const env = await startBenchEnvironment({ variants, dataDir });
  try {
    const failed = await env.recordCustomers();
    if (failed.length) throw new BenchmarkError(`Cannot run the ${benchmark.app} benchmark: recording its customers failed (${failed.join('; ')}).`);
    const runs: BenchmarkRun[] = [];
    for (const benchmarkCase of benchmark.cases) {
      const json = join(dataDir, `${benchmarkCase.variant}.json`);
      const exitCode = await runCi(
        { server: env.serverUrl, project: env.projectKey, token: env.token, baseline: env.deploymentUrl(benchmark.baseline), candidate: env.deploymentUrl(benchmarkCase.variant), sessions: 'all', json },
        () => {},
      );
      if (exitCode === 2) throw new BenchmarkError(`The run for variant ${benchmarkCase.variant} failed; see the server log.`);
      const report = JSON.parse(await readFile(json, 'utf8')) as RunReport;
      print(`${benchmark.app}/${benchmarkCase.variant}: ${report.sessions.length} session(s), ${report.tickets.length} predicted ticket(s)`);
      runs.push({ benchmarkCase, report });
    }
    return { runs, evaluation: evaluateBenchmark(runs) };
  } finally {
    await env.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Scores reports already written by `reprise ci --json` as `<dir>/<variant>.json`, without replaying anything. */
export async function evaluateStoredReports(benchDir: string, reportsDir: string, variants?: string[]): Promise<{ runs: BenchmarkRun[]; evaluation: BenchmarkEvaluation }> {
  const benchmark = await loadBenchmark(benchDir, variants);
  const runs: BenchmarkRun[] = [];
  for (const benchmarkCase of benchmark.cases) {
    const file = join(reportsDir, `${benchmarkCase.variant}.json`);
    const report = JSON.parse(await readFile(file, 'utf8').catch(() => {
      throw new BenchmarkError(`Cannot read ${file}: write it with \`reprise ci --json ${file}\` against variant ${benchmarkCase.variant}, or pass --variants to score fewer.`);
    })) as RunReport;
    runs.push({ benchmarkCase, report });
  }
  return { runs, evaluation: evaluateBenchmark(runs) };
}
