// Visual diff: Reprise's sharp pipeline against the one Playwright's own screenshot comparison uses
// (pngjs decode, pixelmatch, pngjs encode), on the same screenshot pairs in the same run.
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { visualDiff } from '../../server/analysis/index.js';
import { measure, ratioTable, type Measurement } from '../lib/measure.js';
import { measureWholeRunDiff } from './wholeRunDiff.js';

/** A page-like screenshot: header, text lines, cards; `variant` shifts colours and one card to make a real change. */
async function screenshot(width: number, height: number, variant: number): Promise<Uint8Array> {
  const cards: string[] = [];
  for (let y = 120; y < height - 80; y += 220) {
    for (let x = 40; x < width - 300; x += 300) {
      const highlight = variant && x === 340 && y === 340 ? '#ffe4e4' : '#f4f4f6';
      cards.push(`<rect x="${x}" y="${y}" width="260" height="190" rx="8" fill="${highlight}" stroke="#ccc"/>`);
      cards.push(`<text x="${x + 16}" y="${y + 40}" font-family="DejaVu Sans" font-size="18" fill="#222">Product ${x}-${y}</text>`);
      cards.push(`<text x="${x + 16}" y="${y + 70}" font-family="DejaVu Sans" font-size="14" fill="#555">A short description of it</text>`);
      cards.push(`<rect x="${x + 16}" y="${y + 130}" width="120" height="36" rx="4" fill="${variant ? '#1d4ed8' : '#2563eb'}"/>`);
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>
    <rect width="100%" height="64" fill="#111827"/><text x="24" y="40" font-family="DejaVu Sans" font-size="22" fill="#fff">Shop</text>${cards.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function pixelmatchPipeline(a: Uint8Array, b: Uint8Array): number {
  const imageA = PNG.sync.read(Buffer.from(a));
  const imageB = PNG.sync.read(Buffer.from(b));
  const diff = new PNG({ width: imageA.width, height: imageA.height });
  const changed = pixelmatch(imageA.data, imageB.data, diff.data, imageA.width, imageA.height, { threshold: 0.2 });
  PNG.sync.write(diff);
  return changed;
}

export async function run(): Promise<string> {
  const tables: string[] = [];
  let wholeRun: Measurement[] = [];
  for (const [width, height, label] of [
    [1280, 720, '1280x720'],
    [1280, 4000, 'full page 1280x4000'],
  ] as const) {
    const base = await screenshot(width, height, 0);
    const same = Buffer.from(base);
    const changed = await screenshot(width, height, 1);
    const iterations = height > 1000 ? 7 : 15;
    const rows: Measurement[] = [
      await measure('pngjs + pixelmatch, different', () => pixelmatchPipeline(base, changed), { iterations }),
      await measure('pngjs + pixelmatch, identical', () => pixelmatchPipeline(base, same), { iterations }),
      await measure('reprise visualDiff, different', () => visualDiff(base, changed), { iterations }),
      await measure('reprise visualDiff, identical bytes', () => visualDiff(base, same), { iterations: 200, warmup: 20 }),
    ];
    tables.push(ratioTable(`Visual diff, ${label}`, rows, 'pngjs + pixelmatch, different'));
    if (height === 720) wholeRun = await measureWholeRunDiff(base, changed);
  }
  if (wholeRun.length) tables.push(ratioTable('Whole-run diff time per session (analyzeSession, 1280x720 screenshots)', wholeRun, wholeRun[0].name));
  return tables.join('\n\n');
}
