// `npm run demo`: the loop end to end on this machine, with the dashboard left up to look at the result.
// Everything shown comes from the real pipeline: real recorder, real store, real replays, real analysis.
import { parseArgs } from 'node:util';
import { runCi } from '../../server/cli/ciCommand.js';
import { isShopVariant, type ShopVariant } from '../apps/shop/variants/index.js';
import { DEMO_ADMIN_PASSWORD, DEMO_ADMIN_TOKEN, DEMO_PROJECT_KEY, startDemoEnvironment } from '../harness/demoEnvironment.js';

const { values } = parseArgs({
  options: {
    variant: { type: 'string', default: 'checkout-500' },
    port: { type: 'string', default: process.env.PORT ?? '4400' },
    data: { type: 'string', default: process.env.REPRISE_DATA_DIR ?? './.reprise' },
    exit: { type: 'boolean', default: false },
  },
});
if (!isShopVariant(values.variant!)) {
  console.error(`Unknown variant "${values.variant}". Try checkout-500, dead-add-to-cart, product-page-crash, hidden-place-order, strict-postcode, restyle, renamed-classes or reordered-markup.`);
  process.exit(2);
}
const candidate = values.variant as ShopVariant;

const env = await startDemoEnvironment({
  dataDir: values.data!,
  port: Number(values.port),
  variants: ['baseline', candidate],
  shopPorts: { staging: 5100, first: 5101 },
  logLevel: 'warn',
});
console.log(`Reprise:        ${env.reprise.url}`);
console.log(`Shop (staging): ${env.staging.url}  (records customers into Reprise)`);
console.log('Recording scripted customers on the staging shop...');
const flows = await env.recordCustomers();
for (const flow of flows) console.log(`  ${flow.ok ? 'ok  ' : 'FAIL'} ${flow.flow}${flow.error ? `: ${flow.error}` : ''}`);

console.log(`\nreprise ci --baseline ${env.deployments.get('baseline')!.url} --candidate ${env.deployments.get(candidate)!.url} (variant ${candidate})`);
const exitCode = await runCi({
  server: env.reprise.url,
  project: DEMO_PROJECT_KEY,
  token: DEMO_ADMIN_TOKEN,
  baseline: env.deployments.get('baseline')!.url,
  candidate: env.deployments.get(candidate)!.url,
  sessions: 'all',
});
console.log(`\nreprise ci exited with ${exitCode}.`);
if (values.exit) {
  await env.close();
  process.exit(exitCode === 2 ? 2 : 0);
}
console.log(`\nOpen ${env.reprise.url} and log in as admin / ${DEMO_ADMIN_PASSWORD} to review the run. Ctrl-C to stop.`);
process.once('SIGINT', () => void env.close().then(() => process.exit(0)));
