// Quick probe (not part of `npm run bench`): one flow's replay (default guest-checkout) against the hand-written checkout script.
// `npx tsx bench/replay/probeCheckout.ts [iterations] [flow]`
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../e2e/apps/shop/index.js';
import { startDemoEnvironment } from '../../e2e/harness/demoEnvironment.js';
import { startShopProcess } from '../../e2e/harness/shopProcess.js';
import { replaySession, toTrajectory } from '../../replayer/index.js';
import { recordShopSessions } from '../../replayer/test/fixtures/recordShopSessions.js';
import { handWrittenCheckout } from './handWrittenCheckout.js';

const iterations = Number(process.argv[2] ?? 2);
const flow = (process.argv[3] ?? 'guest-checkout') as 'guest-checkout';
const dataDir = await mkdtemp(join(tmpdir(), 'reprise-probe-'));
const env = await startDemoEnvironment({ dataDir, variants: [] });
// Replayed and scripted against a shop in its own process, as in bench/replay/index.ts.
const shop = await startShopProcess('baseline');
try {
  const [session] = await recordShopSessions(env, [flow]);
  const trajectory = toTrajectory(session.summary.id, session.events);
  const url = shop.url;
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await handWrittenCheckout(env.browser, url);
    const script = performance.now() - t;
    for (const screenshots of flow === 'guest-checkout' ? [true, false] : [true]) {
      t = performance.now();
      const result = await replaySession({ browser: env.browser, trajectory, target: url, saveBlob: async () => 'x', fixtures: { password: DEMO_PASSWORD }, screenshots });
      const ms = performance.now() - t;
      const shots = result.steps.filter((s) => s.screenshot).length;
      const q = result.steps.map((s) => s.quiescenceMs).join(',');
      console.log(`script ${script.toFixed(0)} replay(screens=${screenshots}) ${ms.toFixed(0)} ratio ${(ms / script).toFixed(2)} status ${result.status} steps ${result.steps.length} shots ${shots} failed ${result.steps.filter((s) => s.outcome !== 'performed').length}`);
      if (i === 0 && screenshots) console.log('quiescence', q, '\ndurations', result.steps.map((s) => `${s.action.type}:${s.durationMs}`).join(' '));
    }
  }
} finally {
  await shop.close();
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
}
