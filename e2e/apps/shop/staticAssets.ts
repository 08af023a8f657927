// Loads the client scripts and stylesheet once at start and applies the variant's patch to them, so a broken patch
// fails the server start rather than a request.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renameClassesInCss, renameClassesInMarkup } from './classNames.js';
import { STATIC_SCRIPTS, type ShopVariantPatch } from './variants/index.js';

export const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');

export interface StaticAsset {
  body: string;
  contentType: string;
}

export function loadStaticAssets(patch: ShopVariantPatch): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const script of STATIC_SCRIPTS) {
    let source = readFileSync(join(PUBLIC_DIR, script), 'utf8');
    source = patch.scripts?.[script]?.(source) ?? source;
    if (patch.renameClass) source = renameClassesInMarkup(source, patch.renameClass);
    assets.set(script, { body: source, contentType: 'text/javascript; charset=utf-8' });
  }
  let css = readFileSync(join(PUBLIC_DIR, 'shop.css'), 'utf8') + (patch.css ?? '');
  if (patch.renameClass) css = renameClassesInCss(css, patch.renameClass);
  assets.set('shop.css', { body: css, contentType: 'text/css; charset=utf-8' });
  return assets;
}
