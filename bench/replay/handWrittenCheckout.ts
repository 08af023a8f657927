// The reference for replay speed: the guest-checkout flow as an engineer would script it with Playwright, the
// same clicks and fills the recorded customer made, with nothing observed between them.
import type { Browser } from 'playwright-core';

export async function handWrittenCheckout(browser: Browser, shopUrl: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  try {
    const page = await context.newPage();
    await page.goto(`${shopUrl}/catalogue`);
    await page.getByRole('button', { name: 'Kitchen' }).click();
    await page.getByRole('link', { name: 'Cast Iron Pan' }).click();
    await page.getByTestId('add-to-cart').click();
    await page.getByRole('status').filter({ hasText: 'Added to cart' }).waitFor();
    await page.getByTestId('cart-link').click();
    await page.getByRole('link', { name: 'Checkout' }).click();
    const fields: [string, string][] = [
      ['Full name', 'Oliver Hughes'],
      ['Email', 'oliver@example.co.uk'],
      ['Address', '10 Downing Street'],
      ['City', 'London'],
      ['Postcode', 'SW1A 1AA'],
      ['Card number', '4242 4242 4242 4242'],
      ['Expiry (MM/YY)', '12/30'],
      ['CVC', '123'],
    ];
    for (const [label, value] of fields) {
      const field = page.getByLabel(label, { exact: true });
      await field.click();
      await field.press('Control+a');
      await field.fill(value);
    }
    await page.getByTestId('place-order').click();
    await page.waitForURL(/\/orders\/\d+\/confirmation$/);
  } finally {
    await context.close();
  }
}
