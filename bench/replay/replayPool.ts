import type { Browser } from 'playwright-core';
import type { ReplayResult, Trajectory } from '../../protocol/index.js';
import { replaySession } from '../../replayer/index.js';

export interface PoolRun {
  results: ReplayResult[];
  wallMs: number;
}

/** Replays every trajectory against `target` with at most `concurrency` browser contexts at once. */
export async function replayPool(browser: Browser, trajectories: Trajectory[], target: string, concurrency: number, fixtures: Record<string, string>): Promise<PoolRun> {
  const started = performance.now();
  const results: ReplayResult[] = new Array(trajectories.length);
  let next = 0;
  const saveBlob = async (bytes: Uint8Array) => `discarded-${bytes.byteLength}`;
  const worker = async () => {
    while (next < trajectories.length) {
      const index = next++;
      results[index] = await replaySession({ browser, trajectory: trajectories[index], target, saveBlob, fixtures });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, trajectories.length) }, worker));
  return { results, wallMs: performance.now() - started };
}
