// Scripted customers: each flow is one person in their own browser context (so the recorder gives each its own
// session), clicking and typing the way people do rather than filling fields programmatically.
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './pages/index.js';

export const CUSTOMER_FLOWS = ['browse-and-buy', 'guest-checkout', 'product-browse', 'search-only'] as const;
export type CustomerFlowName = (typeof CUSTOMER_FLOWS)[number];

export interface CustomerFlowResult {
  flow: string;
  ok: boolean;
  error?: string;
}

export interface DriveCustomersOptions {
  flows?: CustomerFlowName[];
  /** How long one action or wait may take before the flow is reported as failed. */
  actionTimeoutMs?: number;
  /** Delay between keystrokes. */
  typingDelayMs?: number;
  /**
   * 'machine' (default): no think time and 20 ms keystrokes, so tests stay short. 'human': the Keystroke-Level
   * Model's times for an expert (Card, Moran & Newell, 1980): 1.35 s of mental preparation plus 1.1 s of pointing
   * before each action, and 0.12 s per keystroke (a good typist). KLM leaves out reading and errors, so real
   * customers are slower still. The replay benchmark uses it, because compressing think time is part of what
   * replay speed means.
   */
  pace?: 'machine' | 'human';
}

const KLM_KEYSTROKE_MS = 120;
const KLM_MENTAL_MS = 1_350;
const KLM_POINT_MS = 1_100;

interface FlowContext {
  page: Page;
  shopUrl: string;
  typingDelayMs: number;
  /** A person's pause before acting: nothing at machine pace. */
  think(): Promise<void>;
  /** Runs one named step so a failure says where the customer got stuck. */
  step<T>(name: string, action: () => Promise<T>): Promise<T>;
}

interface CheckoutDetails {
  name: string;
  email?: string;
  address: string;
  city: string;
  postcode: string;
}

async function typeInto(flow: FlowContext, field: Locator, text: string): Promise<void> {
  await flow.think();
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text, { delay: flow.typingDelayMs });
}

async function addToCart(flow: FlowContext): Promise<void> {
  const { page } = flow;
  await flow.step('click Add to cart', () => page.getByRole('button', { name: 'Add to cart' }).click());
  await flow.step('see "Added to cart"', () => page.getByRole('status').filter({ hasText: 'Added to cart' }).waitFor());
}

async function checkout(flow: FlowContext, details: CheckoutDetails): Promise<void> {
  const { page } = flow;
  await flow.step('open the cart', () => page.getByRole('link', { name: /^Cart \(/ }).click());
  await flow.step('go to checkout', () => page.getByRole('link', { name: 'Checkout' }).click());
  await page.waitForURL('**/checkout');
  await flow.step('fill the checkout form', async () => {
    await typeInto(flow, page.getByLabel('Full name'), details.name);
    if (details.email) await typeInto(flow, page.getByLabel('Email'), details.email);
    await typeInto(flow, page.getByLabel('Address'), details.address);
    await typeInto(flow, page.getByLabel('City'), details.city);
    await typeInto(flow, page.getByLabel('Postcode'), details.postcode);
    await typeInto(flow, page.getByLabel('Card number'), '4242 4242 4242 4242');
    await typeInto(flow, page.getByLabel('Expiry (MM/YY)'), '12/29');
    await typeInto(flow, page.getByLabel('CVC'), '123');
  });
  await flow.step('click Place order', () => page.getByRole('button', { name: 'Place order' }).click());
  await flow.step('reach the order confirmation', () => page.waitForURL(/\/orders\/\d+\/confirmation$/));
  await flow.step('see "Thank you"', () => page.getByRole('heading', { name: 'Thank you for your order' }).waitFor());
}

async function search(flow: FlowContext, query: string, submitWith: 'Enter' | 'button'): Promise<void> {
  const { page } = flow;
  await flow.step(`search for "${query}"`, async () => {
    await typeInto(flow, page.getByRole('searchbox', { name: 'Search products' }), query);
    if (submitWith === 'Enter') await page.keyboard.press('Enter');
    else await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === query);
  });
}

async function readReviews(flow: FlowContext, productName: string): Promise<void> {
  const { page } = flow;
  await flow.step(`open "${productName}"`, () => page.getByRole('link', { name: productName, exact: true }).click());
  await flow.step(`read the reviews of "${productName}"`, async () => {
    await page.getByText(/^(\d+ reviews?, average|No reviews yet)/).waitFor();
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
  });
}

const FLOWS: Record<CustomerFlowName, (flow: FlowContext) => Promise<void>> = {
  'browse-and-buy': async (flow) => {
    const { page } = flow;
    await page.goto(`${flow.shopUrl}/login`);
    await flow.step('log in', async () => {
      await typeInto(flow, page.getByLabel('Email'), 'alice@example.com');
      await typeInto(flow, page.getByLabel('Password'), DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL('**/catalogue');
    });
    await search(flow, 'lamp', 'Enter');
    await flow.step('open "Brass Desk Lamp"', () => page.getByRole('link', { name: 'Brass Desk Lamp' }).click());
    await flow.step('set quantity to 2', () => typeInto(flow, page.getByLabel('Quantity'), '2'));
    await addToCart(flow);
    await checkout(flow, { name: 'Alice Martin', address: '12 Chapel Street', city: 'Manchester', postcode: 'M3 5JZ' });
  },

  'guest-checkout': async (flow) => {
    const { page } = flow;
    await page.goto(`${flow.shopUrl}/catalogue`);
    await flow.step('filter by Kitchen', async () => {
      await page.getByRole('button', { name: 'Kitchen' }).click();
      await page.waitForURL((url) => url.searchParams.get('category') === 'Kitchen');
    });
    await flow.step('open "Cast Iron Pan"', () => page.getByRole('link', { name: 'Cast Iron Pan' }).click());
    await addToCart(flow);
    await checkout(flow, {
      name: 'Oliver Hughes',
      email: 'oliver@example.co.uk',
      address: '10 Downing Street',
      city: 'London',
      postcode: 'SW1A 1AA',
    });
  },

  'product-browse': async (flow) => {
    const { page } = flow;
    await page.goto(`${flow.shopUrl}/catalogue`);
    await readReviews(flow, 'Stoneware Mug');
    await flow.step('go back to the catalogue', () => page.getByRole('link', { name: 'Back to catalogue' }).click());
    await readReviews(flow, 'Oak Side Table');
    await flow.step('return to the catalogue from the header', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
      await page.waitForURL('**/catalogue');
    });
  },

  'search-only': async (flow) => {
    const { page } = flow;
    await page.goto(`${flow.shopUrl}/catalogue`);
    await search(flow, 'mug', 'Enter');
    await search(flow, 'chair', 'button');
    await flow.step('filter by Furniture', async () => {
      await page.getByRole('button', { name: 'Furniture' }).click();
      await page.waitForURL((url) => url.searchParams.get('category') === 'Furniture');
    });
    await flow.step('clear the search', async () => {
      const box = page.getByRole('searchbox', { name: 'Search products' });
      await box.click();
      await box.press('ControlOrMeta+a');
      await box.press('Backspace');
      await box.press('Enter');
      await page.waitForURL((url) => !url.searchParams.has('q'));
    });
    await flow.step('show all categories', async () => {
      await page.getByRole('button', { name: 'All', exact: true }).click();
      await page.getByRole('status').filter({ hasText: '12 products' }).waitFor();
    });
  },
};

async function runFlow(browser: Browser, shopUrl: string, name: CustomerFlowName, options: DriveCustomersOptions): Promise<CustomerFlowResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(options.actionTimeoutMs ?? 10_000);
  const page = await context.newPage();
  let currentStep = 'open the shop';
  const human = options.pace === 'human';
  const flow: FlowContext = {
    page,
    shopUrl: shopUrl.replace(/\/$/, ''),
    typingDelayMs: options.typingDelayMs ?? (human ? KLM_KEYSTROKE_MS : 20),
    async think() {
      if (human) await page.waitForTimeout(KLM_MENTAL_MS + KLM_POINT_MS);
    },
    async step(stepName, action) {
      currentStep = stepName;
      await flow.think();
      return action();
    },
  };
  try {
    await FLOWS[name](flow);
    return { flow: name, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { flow: name, ok: false, error: `Customer flow "${name}" got stuck at step "${currentStep}" on ${page.url()}: ${message}` };
  } finally {
    // The recorder batches events; flushing before the context closes keeps the end of the session.
    await page.evaluate(() => (globalThis as { Reprise?: { flush?: () => unknown } }).Reprise?.flush?.()).catch(() => undefined);
    await context.close();
  }
}

/** Runs the flows one after another (the machines this runs on are small) and reports each one's outcome. */
export async function driveCustomers(
  browser: Browser,
  shopUrl: string,
  options: DriveCustomersOptions = {},
): Promise<CustomerFlowResult[]> {
  const results: CustomerFlowResult[] = [];
  for (const name of options.flows ?? CUSTOMER_FLOWS) results.push(await runFlow(browser, shopUrl, name, options));
  return results;
}
