// Runs `runRecorders` in a child Node process (with tsx's loader) and resolves with its result.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RecorderLoadOptions, RecorderLoadResult } from './runRecorders.js';

const RECORDER_PROCESS = fileURLToPath(new URL('./recorderProcess.ts', import.meta.url));

export function forkRecorders(options: RecorderLoadOptions): Promise<RecorderLoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(RECORDER_PROCESS, [JSON.stringify(options)], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: RecorderLoadResult | undefined;
    child.on('message', (message: { result?: RecorderLoadResult }) => {
      result = message.result;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`Ingest bench: the recorder process exited with code ${code} before reporting a result. Run bench/ingest/recorderProcess.ts by hand to see its error.`));
    });
  });
}
