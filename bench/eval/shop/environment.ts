// The demo shop as a benchmark app: the same environment the end-to-end loop test uses.
import { isShopVariant, type ShopVariant } from '../../../e2e/apps/shop/variants/index.js';
import { DEMO_ADMIN_TOKEN, DEMO_PROJECT_KEY, startDemoEnvironment } from '../../../e2e/harness/demoEnvironment.js';
import type { BenchEnvironment } from '../benchEnvironment.js';

export async function startBenchEnvironment(options: { variants: string[]; dataDir: string }): Promise<BenchEnvironment> {
  const unknown = options.variants.filter((variant) => !isShopVariant(variant));
  if (unknown.length) throw new Error(`Cannot start the shop benchmark: unknown variant(s) ${unknown.join(', ')} in bench/eval/shop/cases.json.`);
  const env = await startDemoEnvironment({ dataDir: options.dataDir, variants: options.variants as ShopVariant[] });
  return {
    serverUrl: env.reprise.url,
    projectKey: DEMO_PROJECT_KEY,
    token: DEMO_ADMIN_TOKEN,
    deploymentUrl: (variant) => env.deployments.get(variant as ShopVariant)!.url,
    recordCustomers: async () => (await env.recordCustomers()).filter((flow) => !flow.ok).map((flow) => `${flow.flow}: ${flow.error ?? 'failed'}`),
    close: () => env.close(),
  };
}
