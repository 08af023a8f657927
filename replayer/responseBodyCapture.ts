import type { BrowserContext, Request } from 'playwright-core';

const CAPTURED_TYPES = new Set(['fetch', 'xhr']);

/**
 * Stubbed and hybrid modes only (live mode uses fetchBodyCapture.ts, which routes nothing through Node).
 * Proxies fetch/xhr through Playwright so their JSON bodies can be read. Reading bodies from `response` events is
 * not enough: Chromium forgets the body of a request once the page navigates, which is exactly what happens
 * after a form POST. Registered first, so stub routes (registered later, tried first) can fall back to it.
 */
export async function installResponseBodyCapture(context: BrowserContext, onBody: (request: Request, body: Promise<Buffer | undefined>) => void): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (!CAPTURED_TYPES.has(request.resourceType())) return route.continue();
    let response;
    try {
      response = await route.fetch();
    } catch {
      // Let the browser produce the real network failure itself.
      return route.continue().catch(() => undefined);
    }
    const isJson = (response.headers()['content-type'] ?? '').includes('json');
    const body = response.body();
    if (isJson) onBody(request, body.catch(() => undefined));
    await route.fulfill({ response, body: await body }).catch(() => undefined);
  });
}
