// Replay: speed against the recording's wall time and against a hand-written Playwright script, throughput with
// 1, 2 and 4 parallel contexts, and fidelity (share of recorded actions performed) on the same build and on the
// benign variants of the demo shop. Sessions are recorded for real on the demo environment in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUSTOMER_FLOWS, DEMO_PASSWORD, type ShopVariant } from '../../e2e/apps/shop/index.js';
import { startDemoEnvironment } from '../../e2e/harness/demoEnvironment.js';
import { startShopProcess, type ShopProcess } from '../../e2e/harness/shopProcess.js';
import type { Browser } from 'playwright-core';
import type { ReplayResult, Trajectory } from '../../protocol/index.js';
import { replaySession, toTrajectory } from '../../replayer/index.js';
import { recordShopSessions, type RecordedShopSession } from '../../replayer/test/fixtures/recordShopSessions.js';
import { formatMs, median } from '../lib/measure.js';
import { handWrittenCheckout } from './handWrittenCheckout.js';
import { replayPool } from './replayPool.js';

const BENIGN_VARIANTS: ShopVariant[] = ['restyle', 'renamed-classes', 'reordered-markup'];
const FIXTURES = { password: DEMO_PASSWORD };

/** `npm run bench -- replay [--iterations N]` (default 3 for the script comparison). */
export async function run(args: string[] = []): Promise<string> {
  const iterationsFlag = args.indexOf('--iterations');
  const iterations = iterationsFlag >= 0 ? Number(args[iterationsFlag + 1]) : 3;
  const dataDir = await mkdtemp(join(tmpdir(), 'reprise-bench-replay-'));
  // Sessions are recorded on the staging shop in this process; the deployments replayed against (and scripted) run
  // in processes of their own, as deployments do: see e2e/harness/shopProcess.ts.
  const env = await startDemoEnvironment({ dataDir, variants: [] });
  const shops = new Map<ShopVariant, ShopProcess>();
  try {
    for (const variant of ['baseline', ...BENIGN_VARIANTS] as ShopVariant[]) shops.set(variant, await startShopProcess(variant));
    const sessions = await recordShopSessions(env, [...CUSTOMER_FLOWS]);
    const trajectories = sessions.map((session) => toTrajectory(session.summary.id, session.events));
    const baselineUrl = shops.get('baseline')!.url;
    const tables: string[] = [];

    // Speed against real time, and fidelity on the same build, from one sequential pass. The machine-paced
    // recordings have almost no think time, so a second set recorded at a person's pace shows idle compression.
    const sameBuild = await replayPool(env.browser, trajectories, baselineUrl, 1, FIXTURES);
    tables.push(speedTable('machine pace: 20 ms keystrokes, no think time', sessions, sameBuild.results));
    const humanSessions = await recordShopSessions(env, [...CUSTOMER_FLOWS], 'human');
    const humanTrajectories = humanSessions.map((session) => toTrajectory(session.summary.id, session.events));
    const humanReplays = await replayPool(env.browser, humanTrajectories, baselineUrl, 1, FIXTURES);
    tables.push(speedTable('human pace, Keystroke-Level Model: 2.45 s to think and point before each action, 120 ms keystrokes', humanSessions, humanReplays.results));

    // Against a hand-written script of the same flow, interleaved so all three see the same machine load, in an
    // order that rotates every iteration (no case always runs right after the same other one, or first), after
    // one untimed round.
    const checkout = trajectories[sessions.findIndex((session) => session.flow === 'guest-checkout')];
    const cases: [string, () => Promise<unknown>][] = [
      ['script', () => handWrittenCheckout(env.browser, baselineUrl)],
      ['replay', () => replayCheckout(env.browser, checkout, baselineUrl, true)],
      ['replay, no screenshots', () => replayCheckout(env.browser, checkout, baselineUrl, false)],
    ];
    const timings: Record<string, number[]> = Object.fromEntries(cases.map(([name]) => [name, []]));
    for (const [, perform] of cases) await perform();
    for (let i = 0; i < iterations; i++) {
      for (let k = 0; k < cases.length; k++) {
        const [name, perform] = cases[(i + k) % cases.length];
        const started = performance.now();
        await perform();
        timings[name].push(performance.now() - started);
      }
    }
    const scriptMs = median(timings.script);
    const versus = ['### guest-checkout: replay against a hand-written Playwright script (goal ≤ 1.3x)', '', '| case | median | ratio to script | samples |', '| --- | ---: | ---: | ---: |'];
    for (const [name, values] of Object.entries(timings)) versus.push(`| ${name} | ${formatMs(median(values))} | ${(median(values) / scriptMs).toFixed(2)}x | ${values.length} |`);
    tables.push(versus.join('\n'));

    // Throughput with parallel contexts in one shared browser.
    const scaling = ['### Throughput with parallel contexts (all recorded sessions, shared browser, 2 cores)', '', '| contexts | wall time | sessions/min | speed-up |', '| --- | ---: | ---: | ---: |'];
    let serialMs = 0;
    for (const concurrency of [1, 2, 4]) {
      const pool = await replayPool(env.browser, trajectories, baselineUrl, concurrency, FIXTURES);
      serialMs ||= pool.wallMs;
      scaling.push(`| ${concurrency} | ${formatMs(pool.wallMs)} | ${((trajectories.length / pool.wallMs) * 60_000).toFixed(1)} | ${(serialMs / pool.wallMs).toFixed(2)}x |`);
    }
    tables.push(scaling.join('\n'));

    // Fidelity: share of recorded actions performed, per target build.
    const fidelity = ['### Fidelity: recorded actions performed (goal 100% same build, ≥ 98% benign variants)', '', '| target | actions | performed | fidelity | not performed |', '| --- | ---: | ---: | ---: | --- |'];
    fidelity.push(fidelityRow('baseline (same build)', trajectories, sameBuild.results));
    for (const variant of BENIGN_VARIANTS) {
      const pool = await replayPool(env.browser, trajectories, shops.get(variant)!.url, 1, FIXTURES);
      fidelity.push(fidelityRow(variant, trajectories, pool.results));
    }
    tables.push(fidelity.join('\n'));
    return tables.join('\n\n');
  } finally {
    await Promise.all([...shops.values()].map((shop) => shop.close()));
    await env.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function replayCheckout(browser: Browser, trajectory: Trajectory, target: string, screenshots: boolean): Promise<void> {
  const result = await replaySession({ browser, trajectory, target, saveBlob: async () => 'discarded', fixtures: FIXTURES, screenshots });
  if (result.status !== 'completed') throw new Error(`bench replay: guest-checkout replay failed: ${result.error}`);
}

function speedTable(pace: string, sessions: RecordedShopSession[], results: ReplayResult[]): string {
  const rows = [`### Replay speed against the recording (${pace}; same build, one context; goal ≥ 10x)`, '', '| flow | steps | recorded wall time | replay | faster than real time |', '| --- | ---: | ---: | ---: | ---: |'];
  sessions.forEach((session, i) => {
    const result = results[i];
    if (result.status !== 'completed') throw new Error(`bench replay: ${session.flow} replay failed: ${result.error}`);
    rows.push(`| ${session.flow} | ${result.steps.length} | ${formatMs(session.summary.durationMs)} | ${formatMs(result.durationMs)} | ${(session.summary.durationMs / result.durationMs).toFixed(2)}x |`);
  });
  const recorded = sessions.reduce((sum, session) => sum + session.summary.durationMs, 0);
  const replayed = results.reduce((sum, result) => sum + result.durationMs, 0);
  rows.push(`| all | ${results.reduce((sum, result) => sum + result.steps.length, 0)} | ${formatMs(recorded)} | ${formatMs(replayed)} | ${(recorded / replayed).toFixed(2)}x |`);
  return rows.join('\n');
}

function fidelityRow(target: string, trajectories: Trajectory[], results: ReplayResult[]): string {
  const steps = results.flatMap((result) => result.steps);
  // Steps a failed session never reached count as not performed.
  const expected = trajectories.reduce((sum, trajectory) => sum + trajectory.steps.length, 0);
  const performed = steps.filter((step) => step.outcome === 'performed').length;
  const failures = steps
    .filter((step) => step.outcome !== 'performed')
    .map((step) => `step ${step.index} ${step.action.type}: ${step.outcome}`)
    .concat(results.filter((result) => result.status === 'error').map((result) => `session error: ${result.error}`));
  return `| ${target} | ${expected} | ${performed} | ${((performed / Math.max(expected, 1)) * 100).toFixed(1)}% | ${failures.join('; ') || '—'} |`;
}
