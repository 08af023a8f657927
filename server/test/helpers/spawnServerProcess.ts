// Runs server/test/helpers/serverProcess.ts as a child process, so a test can SIGKILL a real server mid-write.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER_PROCESS = path.join(REPO_ROOT, 'server/test/helpers/serverProcess.ts');
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the exit signal or code once the process is gone. */
  exited: Promise<string>;
}

export function spawnServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // `--import tsx` is resolved from the working directory, hence cwd at the repo root.
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_PROCESS], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Server process did not print its URL within ${START_TIMEOUT_MS} ms. stderr: ${stderr.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      const { url, port } = JSON.parse(line) as { url: string; port: number };
      resolve({ child, url, port, exited });
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`Server process exited (${how}) before listening. stderr: ${stderr.slice(-2000)}`));
    });
  });
}
