// npx tsx e2e/apps/shop/main.ts --variant baseline --port 5100 [--recorder-url URL --project KEY]
import { Command, InvalidArgumentError } from 'commander';
import { startShop } from './server.js';
import { isShopVariant, SHOP_VARIANTS, type ShopVariant } from './variants/index.js';

function parseVariant(value: string): ShopVariant {
  if (!isShopVariant(value)) {
    throw new InvalidArgumentError(`expected one of ${SHOP_VARIANTS.map((variant) => variant.name).join(', ')}, got "${value}".`);
  }
  return value;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError(`expected a port 0-65535, got "${value}".`);
  return port;
}

const program = new Command()
  .name('shop')
  .description('Start the Reprise demo shop as one variant.')
  .option('--variant <name>', 'variant to serve', parseVariant, 'baseline' as ShopVariant)
  .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', parsePort, 5100)
  .option('--recorder-url <url>', 'recorder script URL to embed in every page')
  .option('--project <key>', 'project key for the recorder tag')
  .parse();

const options = program.opts<{ variant: ShopVariant; port: number; recorderUrl?: string; project?: string }>();
if (Boolean(options.recorderUrl) !== Boolean(options.project)) {
  program.error('Cannot embed the recorder: --recorder-url and --project must be given together.');
}

const shop = await startShop({
  variant: options.variant,
  port: options.port,
  recorder: options.recorderUrl && options.project ? { scriptUrl: options.recorderUrl, projectKey: options.project } : undefined,
});
console.log(`Shop (${shop.variant}) listening on ${shop.url}`);

const stop = () => void shop.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
