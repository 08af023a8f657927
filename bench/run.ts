// `npm run bench -- NAME`: runs bench/NAME/index.ts, which prints a markdown table of medians and ratios.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here).filter((name) => name !== 'lib' && statSync(join(here, name)).isDirectory());
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- NAME, with NAME one of: ${available.join(', ')}`);
  process.exit(2);
}
const bench = (await import(join(here, name, 'index.ts'))) as { run: (args: string[]) => Promise<string> };
console.log(await bench.run(process.argv.slice(3)));
