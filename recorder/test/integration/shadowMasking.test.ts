// Text inside the shadow root of a masked host must never leave the browser in clear, in the full snapshot or in
// the mutations that follow. rrweb 2.1.6 as published leaks it (see SHADOW_MASKING_PATCHES in recorder/build.mjs);
// the patched build Reprise ships must not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../replayer/browser.js';
import { buildRrwebBundles, recordingPage } from './rrwebBuilds.js';
import { servePages, type PageServer } from './pageServer.js';

const OPTIONS = `{ blockClass: 'reprise-block', blockSelector: '[data-reprise-block]', maskTextClass: 'reprise-mask',
  maskTextSelector: '[data-reprise-mask]', recordAfter: 'DOMContentLoaded' }`;

const BODY = `
<main>
  <div id="bare-host" data-reprise-mask></div>
  <div id="lit-host" class="reprise-mask"><span>light</span></div>
  <div id="open-host"></div>
</main>
<script>
  document.getElementById('bare-host').attachShadow({ mode: 'open' }).innerHTML = '<p>secret-one</p>';
  document.getElementById('lit-host').attachShadow({ mode: 'open' }).innerHTML = '<p>first</p>';
  document.getElementById('open-host').attachShadow({ mode: 'open' }).innerHTML = '<p>visible-shadow</p>';
</script>`;

const MUTATE = `
  const lit = document.getElementById('lit-host').shadowRoot;
  lit.querySelector('p').firstChild.data = 'secret-two';
  lit.appendChild(document.createElement('span')).textContent = 'secret-three';
  const direct = document.createTextNode('secret-four');
  document.getElementById('bare-host').shadowRoot.appendChild(direct);
  setTimeout(() => { direct.data = 'secret-five'; document.getElementById('open-host').shadowRoot.append('visible-added'); }, 50);
`;

let browser: Browser;
let server: PageServer;
let origin: string;
let bundles: Record<string, string> = {};

beforeAll(async () => {
  bundles = await buildRrwebBundles();
  server = await servePages((req, res) => {
    const script = bundles[new URL(req.url || '/', 'http://x').searchParams.get('rrweb') || ''];
    if (!script) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(recordingPage('Shadow', script, OPTIONS, BODY));
  });
  origin = server.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything one build records for the page and its mutations, as the JSON that would be sent. */
async function recordedText(rrweb: 'published' | 'patched'): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/?rrweb=${rrweb}`);
    await tab.waitForFunction('window.__events.some((event) => event.type === 2)');
    await tab.evaluate(MUTATE);
    // The last mutation batch holds the unmasked control text.
    await tab.waitForFunction(`JSON.stringify(window.__events).includes('visible-added')`);
    return JSON.stringify(await tab.evaluate('window.__events'));
  } finally {
    await tab.close();
  }
}

const SECRETS = ['secret-one', 'secret-two', 'secret-three', 'secret-four', 'secret-five'];

describe('recorder | masking inside shadow roots', () => {
  it('masks text under a masked shadow host in the snapshot and in every kind of later mutation', async () => {
    const text = await recordedText('patched');
    expect(text).toContain('visible-shadow');
    expect(text).toContain('visible-added');
    for (const secret of SECRETS) expect(text, `${secret} was recorded in clear`).not.toContain(secret);
  });

  it('needs the patch: rrweb as published records all of that text in clear', async () => {
    const text = await recordedText('published');
    const leaked = SECRETS.filter((secret) => text.includes(secret));
    console.log(`rrweb 2.1.6 as published recorded in clear: ${leaked.join(', ')}`);
    expect(leaked).toEqual(SECRETS);
  });
});
