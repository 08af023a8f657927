// `reprise worker` as a real child process whose pino log lines a test can wait on (and which it can SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const START_TIMEOUT_MS = 60_000;

export interface LogLine {
  msg: string;
  sessionId?: string;
  runId?: string;
  [key: string]: unknown;
}

export interface WorkerProcess {
  child: ChildProcess;
  lines: LogLine[];
  stderr(): string;
  /** Resolves with the first log line (already printed or future) for which `predicate` holds. */
  waitFor(predicate: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
}

export async function spawnWorker(env: Record<string, string>, args: string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['bin/reprise.mjs', 'worker', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, REPRISE_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop()!;
    for (const text of complete) {
      if (text.startsWith('{')) lines.push(JSON.parse(text) as LogLine);
    }
    listeners.forEach((listener) => listener());
  });

  const waitFor: WorkerProcess['waitFor'] = (predicate, what, timeoutMs = START_TIMEOUT_MS) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const onExit = () => {
        if (!check()) {
          cleanup();
          reject(new Error(`Worker exited before ${what}. stderr: ${stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Worker did not log ${what} within ${timeoutMs} ms. stderr: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(listener);
        child.off('exit', onExit);
      };
      const listener = () => void check();
      if (check()) return;
      listeners.add(listener);
      child.once('exit', onExit);
    });

  const worker = { child, lines, stderr: () => stderr, waitFor };
  await waitFor((line) => line.msg === 'replay worker ready', '"replay worker ready"');
  return worker;
}
