import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../replayer/browser.js';
import { driveCustomers, type CustomerFlowName } from '../customers.js';
import { startShop, type RunningShop } from '../server.js';
import { SHOP_VARIANTS, type ShopVariant } from '../variants/index.js';

// Short timeouts: a regression makes a flow wait for something that never happens, and the file should stay quick.
const FAST = { actionTimeoutMs: 3_000, typingDelayMs: 5 };

let browser: Browser;
let baseline: RunningShop;

async function withShop<T>(variant: ShopVariant, use: (shop: RunningShop) => Promise<T>): Promise<T> {
  const shop = await startShop({ variant });
  try {
    return await use(shop);
  } finally {
    await shop.close();
  }
}

async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(FAST.actionTimeoutMs);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Puts a product in this page's session cart through the API, then opens the checkout. */
async function openCheckoutWithCart(page: Page, shopUrl: string): Promise<void> {
  const added = await page.request.post(`${shopUrl}/api/cart`, { data: { productId: 5, quantity: 1 } });
  expect(added.status()).toBe(201);
  await page.goto(`${shopUrl}/checkout`);
}

async function fillCheckout(page: Page, postcode: string): Promise<void> {
  const values: Record<string, string> = {
    'Full name': 'Oliver Hughes',
    Email: 'oliver@example.co.uk',
    Address: '10 Downing Street',
    City: 'London',
    Postcode: postcode,
    'Card number': '4242 4242 4242 4242',
    'Expiry (MM/YY)': '12/29',
    CVC: '123',
  };
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label).fill(value);
}

async function catalogueAriaSnapshot(shopUrl: string): Promise<string> {
  return withPage(async (page) => {
    await page.goto(`${shopUrl}/catalogue`);
    return (await page.ariaSnapshot()).replace(/\b\d{2}:\d{2}:\d{2}\b/g, '<time>');
  });
}

async function catalogueScreenshot(shopUrl: string): Promise<Buffer> {
  return withPage(async (page) => {
    await page.goto(`${shopUrl}/catalogue`);
    return page.screenshot({ animations: 'disabled', caret: 'hide', mask: [page.locator('time')] });
  });
}

async function expectFlowStuck(variant: ShopVariant, flow: CustomerFlowName, shopUrl: string): Promise<void> {
  const [result] = await driveCustomers(browser, shopUrl, { ...FAST, flows: [flow] });
  expect(result, `${flow} on ${variant}`).toMatchObject({ flow, ok: false });
}

beforeAll(async () => {
  browser = await launchChromium();
  baseline = await startShop({ variant: 'baseline' });
});

afterAll(async () => {
  await baseline?.close();
  await browser?.close();
});

describe('e2e/apps/shop | baseline', () => {
  it('lets every scripted customer flow finish', async () => {
    const results = await driveCustomers(browser, baseline.url, FAST);
    expect(results).toEqual([
      { flow: 'browse-and-buy', ok: true },
      { flow: 'guest-checkout', ok: true },
      { flow: 'product-browse', ok: true },
      { flow: 'search-only', ok: true },
    ]);
  });

  it('embeds the recorder tag in <head> only when a recorder is configured', async () => {
    const plain = await (await fetch(`${baseline.url}/catalogue`)).text();
    expect(plain).not.toContain('data-project');
    const recorded = await startShop({ variant: 'baseline', recorder: { scriptUrl: 'http://127.0.0.1:9/r.js', projectKey: 'demo' } });
    try {
      const html = await (await fetch(`${recorded.url}/login`)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head).toContain('<script src="http://127.0.0.1:9/r.js" data-project="demo" defer></script>');
    } finally {
      await recorded.close();
    }
  });

  it('validates orders on the server as well', async () => {
    await withPage(async (page) => {
      await page.request.post(`${baseline.url}/api/cart`, { data: { productId: 1 } });
      const response = await page.request.post(`${baseline.url}/api/orders`, {
        data: { name: 'A', email: 'a@example.com', address: 'x', city: 'y', postcode: '!', cardNumber: '1', expiry: '13/99', cvc: '1' },
      });
      expect(response.status()).toBe(400);
      expect(Object.keys((await response.json()).fields).sort()).toEqual(['cardNumber', 'cvc', 'expiry', 'postcode']);
    });
  });
});

describe('e2e/apps/shop | regression variants', () => {
  it('dead-add-to-cart: clicking Add to cart sends no POST /api/cart', async () => {
    await withShop('dead-add-to-cart', async (shop) => {
      await withPage(async (page) => {
        const cartPosts: string[] = [];
        page.on('request', (request) => {
          if (request.method() === 'POST' && request.url().endsWith('/api/cart')) cartPosts.push(request.url());
        });
        await page.goto(`${shop.url}/product/1`);
        await page.getByRole('button', { name: 'Add to cart' }).click();
        const cart = await page.evaluate(() => fetch('/api/cart').then((response) => response.json()));
        expect(cart.count).toBe(0);
        expect(cartPosts).toEqual([]);
        await expect(page.getByRole('status').filter({ hasText: 'Added to cart' }).count()).resolves.toBe(0);
      });
      await expectFlowStuck('dead-add-to-cart', 'guest-checkout', shop.url);
    });
  });

  it('checkout-500: the order POST answers 500 and the customer stays on checkout with a generic error', async () => {
    await withShop('checkout-500', async (shop) => {
      await withPage(async (page) => {
        await openCheckoutWithCart(page, shop.url);
        await fillCheckout(page, 'SW1A 1AA');
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => candidate.url().endsWith('/api/orders')),
          page.getByRole('button', { name: 'Place order' }).click(),
        ]);
        expect(response.status()).toBe(500);
        await page.getByRole('alert').filter({ hasText: 'Something went wrong placing your order' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/checkout');
      });
      await expectFlowStuck('checkout-500', 'guest-checkout', shop.url);
    });
  });

  it('product-page-crash: the product script throws a TypeError and reviews never load', async () => {
    await withShop('product-page-crash', async (shop) => {
      await withPage(async (page) => {
        const errors: Error[] = [];
        page.on('pageerror', (error) => errors.push(error));
        await page.goto(`${shop.url}/product/4`);
        await page.waitForLoadState('load');
        await page.evaluate(() => fetch('/api/cart'));
        expect(errors.map((error) => error.name)).toEqual(['TypeError']);
        expect(await page.locator('#reviews-summary').textContent()).toBe('Loading…');
      });
      await expectFlowStuck('product-page-crash', 'product-browse', shop.url);
    });
  });

  it('hidden-place-order: the Place order button is in the page but not visible', async () => {
    await withShop('hidden-place-order', async (shop) => {
      await withPage(async (page) => {
        await openCheckoutWithCart(page, shop.url);
        const placeOrder = page.getByTestId('place-order');
        expect(await placeOrder.count()).toBe(1);
        expect(await placeOrder.isVisible()).toBe(false);
      });
      await expectFlowStuck('hidden-place-order', 'guest-checkout', shop.url);
    });
  });

  it('strict-postcode: valid postcodes are rejected and no order is sent', async () => {
    await withShop('strict-postcode', async (shop) => {
      await withPage(async (page) => {
        const orderPosts: string[] = [];
        page.on('request', (request) => {
          if (request.url().endsWith('/api/orders')) orderPosts.push(request.method());
        });
        await openCheckoutWithCart(page, shop.url);
        for (const postcode of ['SW1A 1AA', '10115']) {
          await fillCheckout(page, postcode);
          await page.getByRole('button', { name: 'Place order' }).click();
          await expect(page.getByLabel('Postcode').getAttribute('aria-invalid')).resolves.toBe('true');
          await expect(page.locator('#postcode-error').textContent()).resolves.toBe('Enter a valid postcode.');
        }
        expect(orderPosts).toEqual([]);
        expect(new URL(page.url()).pathname).toBe('/checkout');
      });
      await expectFlowStuck('strict-postcode', 'guest-checkout', shop.url);
    });
  });

  it('has one test above for each regression variant', () => {
    expect(SHOP_VARIANTS.filter((variant) => variant.kind === 'regression').map((variant) => variant.name)).toEqual([
      'dead-add-to-cart',
      'checkout-500',
      'product-page-crash',
      'hidden-place-order',
      'strict-postcode',
    ]);
  });
});

describe('e2e/apps/shop | benign variants', () => {
  let baselineSnapshot: string;
  let baselineScreenshot: Buffer;

  beforeAll(async () => {
    baselineSnapshot = await catalogueAriaSnapshot(baseline.url);
    baselineScreenshot = await catalogueScreenshot(baseline.url);
  });

  it('restyle: flows finish, accessibility tree is unchanged, screenshot changes', async () => {
    await withShop('restyle', async (shop) => {
      expect((await driveCustomers(browser, shop.url, FAST)).every((result) => result.ok)).toBe(true);
      expect(await catalogueAriaSnapshot(shop.url)).toBe(baselineSnapshot);
      expect((await catalogueScreenshot(shop.url)).equals(baselineScreenshot)).toBe(false);
    });
  });

  it('renamed-classes: flows finish, accessibility tree and look are unchanged, classes are not', async () => {
    await withShop('renamed-classes', async (shop) => {
      expect((await driveCustomers(browser, shop.url, FAST)).every((result) => result.ok)).toBe(true);
      expect(await catalogueAriaSnapshot(shop.url)).toBe(baselineSnapshot);
      expect((await catalogueScreenshot(shop.url)).equals(baselineScreenshot)).toBe(true);
      const html = await (await fetch(`${shop.url}/catalogue`)).text();
      expect(html).not.toContain('class="product-card"');
    });
  });

  it('reordered-markup: flows finish and the same accessible names appear, in another order', async () => {
    await withShop('reordered-markup', async (shop) => {
      expect((await driveCustomers(browser, shop.url, FAST)).every((result) => result.ok)).toBe(true);
      const snapshot = await catalogueAriaSnapshot(shop.url);
      const sortedLines = (text: string) => text.split('\n').sort();
      expect(snapshot).not.toBe(baselineSnapshot);
      expect(sortedLines(snapshot)).toEqual(sortedLines(baselineSnapshot));
    });
  });
});
