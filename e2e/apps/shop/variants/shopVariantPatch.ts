// What a variant may change in the shop. Each variant is a small patch over the baseline app, the way a preview deploy is
// the baseline plus one change: extra CSS, rewritten client scripts, a different markup order, renamed classes, or a
// server-side hook.
import type { DivergenceKind } from '../../../../protocol/divergence.js';
import type { CheckoutDetails } from '../shopState.js';

export const STATIC_SCRIPTS = ['common.js', 'login.js', 'catalogue.js', 'product.js', 'cart.js', 'checkout.js'] as const;
export type StaticScriptName = (typeof STATIC_SCRIPTS)[number];

export type NavItem = 'catalogue' | 'cart' | 'account';
export type ProductCardPart = 'media' | 'name' | 'category' | 'price';

export interface ShopMarkup {
  navOrder: NavItem[];
  productCardOrder: ProductCardPart[];
  /** The footer comes before <main> in the document; CSS keeps it at the bottom of the page. */
  footerBeforeMain: boolean;
}

export const BASELINE_MARKUP: ShopMarkup = {
  navOrder: ['catalogue', 'cart', 'account'],
  productCardOrder: ['media', 'name', 'category', 'price'],
  footerBeforeMain: false,
};

export interface ShopVariantPatch {
  /** Appended to shop.css. */
  css?: string;
  /** Rewrites a client script before it is served. */
  scripts?: Partial<Record<StaticScriptName, (source: string) => string>>;
  markup?: Partial<ShopMarkup>;
  /** Renames every CSS class in pages, stylesheet and script templates, as a CSS-modules build would. */
  renameClass?: (className: string) => string;
  /** Runs before an order is stored; a throw surfaces as HTTP 500, like any unhandled error in a route. */
  beforePlaceOrder?: (details: CheckoutDetails) => void;
}

export type ShopVariantKind = 'baseline' | 'regression' | 'benign';

export interface ShopVariantInfo<Name extends string = string> {
  name: Name;
  kind: ShopVariantKind;
  description: string;
  /** The divergence a replay against this variant should report first; absent for baseline and benign variants. */
  expectedDivergence?: DivergenceKind;
}

export interface ShopVariantDefinition<Name extends string = string> extends ShopVariantInfo<Name> {
  patch: ShopVariantPatch;
}

export class VariantPatchError extends Error {
  override name = 'VariantPatchError';
  readonly code = 'SHOP_VARIANT_PATCH_FAILED';
}

/** Replaces exactly one occurrence, so a variant whose anchor text drifted fails at start instead of silently doing nothing. */
export function replaceOnce(source: string, search: string, replacement: string, where: string): string {
  const first = source.indexOf(search);
  if (first === -1 || source.indexOf(search, first + 1) !== -1) {
    throw new VariantPatchError(
      `Cannot patch ${where}: expected exactly one occurrence of ${JSON.stringify(search)}, found ${first === -1 ? 'none' : 'several'}. ` +
        `Update the variant to match the baseline source.`,
    );
  }
  return source.slice(0, first) + replacement + source.slice(first + search.length);
}
