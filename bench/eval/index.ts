// `npm run bench -- eval [APP] [VARIANT...]`: the labelled ticket-prediction benchmark, as `reprise eval` runs it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBenchmarkEvaluation } from '../../server/analysis/index.js';
import { runBenchmark } from './runBenchmark.js';

export { loadBenchmark, runBenchmark, evaluateStoredReports, BenchmarkError, type BenchmarkDefinition } from './runBenchmark.js';
export type { BenchEnvironment, BenchEnvironmentModule } from './benchEnvironment.js';

export const BENCH_EVAL_DIR = dirname(fileURLToPath(import.meta.url));

export async function run(args: string[]): Promise<string> {
  const [app = 'shop', ...variants] = args;
  const { evaluation } = await runBenchmark(join(BENCH_EVAL_DIR, app), { variants, print: (line) => console.error(line) });
  return `## Ticket prediction benchmark: ${app}\n\n${formatBenchmarkEvaluation(evaluation)}`;
}
