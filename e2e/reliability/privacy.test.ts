// Privacy: a customer of the recorded demo shop types secrets into masked fields and sends a request with a
// secret Authorization header and a secret body field; no byte under the data folder may hold any of them.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../apps/shop/index.js';
import { launchChromium } from '../../replayer/index.js';
import { startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';

const TYPED_CANARY = 'S3cr3t-Canary-9137';
const HEADER_CANARY = 'H3ader-Canary-5521';
const BODY_CANARY = 'B0dy-Canary-7710';
const SEARCH_TEXT = 'privacy-probe-search';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('e2e/reliability | privacy', () => {
  let server: ReliabilityServer;
  let shop: Awaited<ReturnType<typeof startShop>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startReliabilityServer({ allowedOrigins: ['*'] });
    await server.store.upsertProject({ ...(await server.store.getProject('default'))!, allowedOrigins: ['*'] });
    shop = await startShop({ variant: 'baseline', recorder: { scriptUrl: `${server.url}/recorder.js`, projectKey: server.projectA.ingestKey } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.stop();
  });

  it('keeps typed secrets, the Authorization header and denied body fields out of every stored byte', async () => {
    const page = await browser.newPage();
    await page.goto(`${shop.url}/login`);
    await page.fill('#password', TYPED_CANARY);
    await page.evaluate(() => fetch('/api/cart', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ productId: 1, quantity: 1 }) }));
    await page.goto(`${shop.url}/checkout`);
    await page.fill('#cardNumber', TYPED_CANARY);
    await page.fill('#cvc', TYPED_CANARY);
    await page.goto(`${shop.url}/catalogue`);
    await page.fill('#search-input', SEARCH_TEXT);
    await page.evaluate(async ({ search, header, body }) => {
      await fetch(`/api/products?q=${search}`, { headers: { Authorization: `Bearer ${header}`, 'X-Api-Key': header } });
      await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'probe@example.com', password: body, token: body }) });
    }, { search: SEARCH_TEXT, header: HEADER_CANARY, body: BODY_CANARY });
    await page.waitForTimeout(500);
    // Leaving the page flushes the recorder's buffer (pagehide beacon).
    await page.goto('about:blank');
    await page.close();

    let stored = '';
    for (let attempt = 0; attempt < 50 && !stored.includes(SEARCH_TEXT + '"'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sessions = (await server.store.listSessions('default', {}, 50)).items;
      const texts = await Promise.all(sessions.map(async (session) => JSON.stringify(await server.store.readEvents('default', session.id))));
      stored = texts.join('\n');
    }
    // The recording did capture the page and the probe request: the absence below is not an empty recording.
    expect(stored).toContain('/api/products?q=' + SEARCH_TEXT);
    expect(stored).toContain('checkout');
    for (const canary of [TYPED_CANARY, HEADER_CANARY, BODY_CANARY]) expect(stored, 'decompressed events').not.toContain(canary);

    const files = filesUnder(server.dataDir);
    expect(files.some((file) => /\.(sqlite|db)(-wal)?$/.test(file) || file.endsWith('-wal'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const canary of [TYPED_CANARY, HEADER_CANARY, BODY_CANARY]) {
        expect(bytes.includes(Buffer.from(canary)), `${canary} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(canary, 'utf16le')), `${canary} (UTF-16) in ${file}`).toBe(false);
      }
    }
  });
});
