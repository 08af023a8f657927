// `reprise eval`: runs a labelled benchmark (bench/eval/<app>) through the real pipeline, or scores reports
// already written by `reprise ci --json`, and prints precision, recall, false alarms and calibration.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatBenchmarkEvaluation, type BenchmarkEvaluation } from '../analysis/index.js';
import type { EvaluationPoint, RecordEvaluationRequest } from '../../protocol/index.js';
import { CliError, createApiClient } from './apiClient.js';

export interface EvalOptions {
  /** An app name under bench/eval, or a path to a benchmark folder. */
  bench?: string;
  /** Comma-separated variants to keep. */
  variants?: string;
  /** Folder of `<variant>.json` reports to score instead of replaying. */
  reports?: string;
  json?: string;
  /** With `project`: record the result on this server so the Model page plots it. */
  server?: string;
  project?: string;
  token?: string;
}

const BENCH_ROOT = resolve(import.meta.dirname, '../../bench/eval');

/** Exit codes: 0 when the benchmark's goal is met, 1 when not, 2 on error (thrown as CliError). */
export async function runEval(options: EvalOptions, print: (line: string) => void = console.log): Promise<number> {
  const dir = benchDir(options.bench ?? 'shop');
  const variants = options.variants?.split(',').map((variant) => variant.trim()).filter(Boolean);
  // Loaded lazily: the benchmark pulls in the demo apps, which no other command needs.
  const bench = await import('../../bench/eval/index.js');
  let evaluation: BenchmarkEvaluation;
  try {
    evaluation = options.reports
      ? (await bench.evaluateStoredReports(dir, resolve(options.reports), variants)).evaluation
      : (await bench.runBenchmark(dir, { variants, print })).evaluation;
  } catch (error) {
    if (error instanceof bench.BenchmarkError) throw new CliError(error.message);
    throw error;
  }
  print(formatBenchmarkEvaluation(evaluation));
  if (options.json) await writeFile(options.json, JSON.stringify(evaluation, null, 2));
  if (options.server && options.project) {
    const client = createApiClient({ server: options.server, project: options.project, token: options.token });
    const body: RecordEvaluationRequest = { precision: evaluation.precision, recall: evaluation.recall, falseAlarmRate: evaluation.sessionFalseAlarmRate, cases: evaluation.cases.length };
    await client.post<EvaluationPoint>(`/api/model/evaluations?project=${encodeURIComponent(options.project)}`, body, 'record the evaluation for the Model page');
    print(`Recorded the evaluation on ${options.server} (project ${options.project}).`);
  }
  return evaluation.goalMet ? 0 : 1;
}

function benchDir(bench: string): string {
  const candidates = [resolve(bench), join(BENCH_ROOT, bench)];
  const found = candidates.find((dir) => existsSync(join(dir, 'cases.json')));
  if (!found) throw new CliError(`Cannot find benchmark "${bench}": expected a folder with cases.json, either a path or a name under ${BENCH_ROOT}.`);
  return found;
}
