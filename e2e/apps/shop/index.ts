// The demo shop: Reprise's demo and end-to-end test bed. See README.md for pages, accounts and variants.
export { startShop, createShopApp, SESSION_COOKIE, type StartShopOptions, type RunningShop } from './server.js';
export { driveCustomers, CUSTOMER_FLOWS, type CustomerFlowName, type CustomerFlowResult, type DriveCustomersOptions } from './customers.js';
export {
  SHOP_VARIANTS,
  isShopVariant,
  shopVariantDefinition,
  UnknownShopVariantError,
  VariantPatchError,
  type ShopVariant,
  type ShopVariantInfo,
  type ShopVariantKind,
} from './variants/index.js';
export { PRODUCTS, PRODUCT_CATEGORIES, formatPrice, type Product } from './catalogue.js';
export { DEMO_PASSWORD } from './pages/index.js';
