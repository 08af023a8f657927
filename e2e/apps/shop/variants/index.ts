import { baseline } from './baseline.js';
import { checkout500 } from './checkout500.js';
import { deadAddToCart } from './deadAddToCart.js';
import { hiddenPlaceOrder } from './hiddenPlaceOrder.js';
import { productPageCrash } from './productPageCrash.js';
import { renamedClasses } from './renamedClasses.js';
import { reorderedMarkup } from './reorderedMarkup.js';
import { restyle } from './restyle.js';
import { strictPostcode } from './strictPostcode.js';
import type { ShopVariantDefinition, ShopVariantInfo } from './shopVariantPatch.js';

const DEFINITIONS = [
  baseline,
  deadAddToCart,
  checkout500,
  productPageCrash,
  hiddenPlaceOrder,
  strictPostcode,
  restyle,
  renamedClasses,
  reorderedMarkup,
] as const;

export type ShopVariant = (typeof DEFINITIONS)[number]['name'];

export const SHOP_VARIANTS: readonly ShopVariantInfo<ShopVariant>[] = DEFINITIONS.map(({ patch: _patch, ...info }) => info);

export class UnknownShopVariantError extends Error {
  override name = 'UnknownShopVariantError';
  readonly code = 'SHOP_UNKNOWN_VARIANT';
}

export function isShopVariant(name: string): name is ShopVariant {
  return DEFINITIONS.some((definition) => definition.name === name);
}

export function shopVariantDefinition(name: string): ShopVariantDefinition<ShopVariant> {
  const definition = DEFINITIONS.find((candidate) => candidate.name === name);
  if (!definition) {
    throw new UnknownShopVariantError(
      `Cannot start the shop: unknown variant "${name}". Use one of: ${DEFINITIONS.map((candidate) => candidate.name).join(', ')}.`,
    );
  }
  return definition;
}

export * from './shopVariantPatch.js';
export { hashedClassName } from './renamedClasses.js';
