export { cartPage, linesTotalPence } from './cartPage.js';
export { cataloguePage, resultCountText } from './cataloguePage.js';
export { checkoutPage } from './checkoutPage.js';
export { confirmationPage } from './confirmationPage.js';
export { DEMO_PASSWORD, loginPage } from './loginPage.js';
export { notFoundPage } from './notFoundPage.js';
export { productPage } from './productPage.js';
