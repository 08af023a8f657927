// A demo shop deployment in a Node process of its own, as a preview deployment runs on a machine of its own. In the
// replayer's process the app would share one event loop with Playwright: every DevTools message the replayer parses
// (a screenshot is a few hundred KB of base64) would hold up the app's responses, a cost no real deployment has.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ShopVariant } from '../apps/shop/index.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOP_MAIN = fileURLToPath(new URL('../apps/shop/main.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface ShopProcess {
  variant: ShopVariant;
  url: string;
  close(): Promise<void>;
}

export async function startShopProcess(variant: ShopVariant): Promise<ShopProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SHOP_MAIN, '--variant', variant, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listening = false;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The demo shop (${variant}) ${why}. Its output:\n${output || '(none)'}`));
    };
    const exited = (code: number | null, signal: string | null) => fail(`exited before listening (code ${code}, signal ${signal})`);
    // Read for as long as the shop runs (a full pipe would block its writes), kept only until it listens.
    const read = (chunk: Buffer) => {
      if (listening) return;
      output += String(chunk);
      const announced = /listening on (http:\/\/\S+)/.exec(output);
      if (!announced) return;
      listening = true;
      clearTimeout(timer);
      child.off('exit', exited);
      resolve(announced[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', exited);
  });
  return {
    variant,
    url,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
