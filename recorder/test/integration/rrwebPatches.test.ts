// recorder/build.mjs patches @rrweb/record's source for speed and size. These tests record the same page with
// rrweb as published and with the patched build, in real Chromium, and require the same events: the full snapshot
// and the mutations that follow, and the same mirror ids, on a page that walks every patched path (blocked and masked
// regions, text under masked and unmasked parents, shadow roots, custom elements, form fields) and every case the
// lean serializer (recorder/rrwebLeanSerializer.mjs) must leave to rrweb: inputs, svg, links with relative href,
// style attributes with url(), stylesheets, scripts, head whitespace, scrolled elements, nodes directly in a shadow root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../replayer/browser.js';
import { buildRrwebBundles, recordingPage } from './rrwebBuilds.js';
import { servePages, type PageServer } from './pageServer.js';

const BODY = `
<header><h1>Catalogue</h1><!-- a comment --><nav><a href="/a">A</a> <a href="#b">B</a> <a href="../up/page?x=1">Up</a></nav></header>
<div id="styled" style="background-image: url(img/bg.png); color: blue" title="plain attribute">styled text</div>
<table background="table-bg.png"><tr><td background="cell.png">cell</td><th>head cell</th></tr></table>
<div id="scroller" style="width: 50px; height: 50px; overflow: auto"><div style="width: 400px; height: 400px">scrolled content</div></div>
<p>   </p><button type="button">Plain button</button><label>Label <b>bold</b></label>
<main>
  <article class="card"><h3>Visible title</h3><p>Plain text <b>bold</b> tail</p><img src="/img.png" srcset="/a.png 1x, /b.png 2x"></article>
  <section class="reprise-mask"><p>Masked by class <span>nested deeper</span></p>direct text</section>
  <section data-reprise-mask><p>Masked by attribute</p><ul><li>item one</li><li>item two</li></ul></section>
  <div class="reprise-block" style="width: 120px; height: 30px">blocked by class <span>secret</span></div>
  <div data-reprise-block style="width: 80px; height: 20px"><p>blocked by attribute</p></div>
  <x-card>custom <em>element</em></x-card><y-unknown>undefined custom tag</y-unknown>
  <div id="host"></div><div id="masked-host" data-reprise-mask><span>light child</span></div>
  <form><input name="q" value="typed"><input type="password" name="pw" value="hunter2"><textarea name="t">text area</textarea>
    <select name="s"><option>one</option><option selected>two</option></select><input type="checkbox" checked></form>
  <svg width="10" height="10"><circle cx="5" cy="5" r="4"></circle><text>svg text</text></svg>
  <style>.card { color: red; background: url(/bg.png); }</style>
  <script type="application/json">{"state": "dropped by slimDOM or replaced by a placeholder"}</script>
</main>
<script>
  customElements.define('x-card', class extends HTMLElement {});
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>shadow text <b>inside</b></p>plain shadow text';
  document.getElementById('masked-host').attachShadow({ mode: 'open' }).innerHTML = '<p>masked shadow text</p>';
  const scroller = document.getElementById('scroller');
  scroller.scrollLeft = 30;
  scroller.scrollTop = 40;
</script>`;

/**
 * No block or mask marker in the document's light DOM, only inside a shadow tree: the snapshot's one-query pre-check
 * finds none, and the shadow tree must still be blocked and masked element by element.
 */
const SHADOW_MARKED_BODY = `
<main><p>plain light text</p><div id="host"></div></main>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<section><div class="reprise-block" style="width: 10px; height: 10px">blocked in shadow</div>' +
    '<p class="reprise-mask">masked in shadow <b>deeper</b></p><div><span data-reprise-mask>masked by attribute in shadow</span></div><p>clear shadow text</p></section>';
</script>`;

/** Reprise's own rrweb options (recorder/rrwebOptions.ts, without the functions), and rrweb's defaults. */
const OPTION_SETS = {
  reprise: `{ blockClass: 'reprise-block', blockSelector: '[data-reprise-block]', maskTextClass: 'reprise-mask',
    maskTextSelector: '[data-reprise-mask]', slimDOMOptions: { script: true, comment: true, headWhitespace: true },
    recordAfter: 'DOMContentLoaded' }`,
  'rrweb defaults': '{}',
};

const MUTATE = `
  const main = document.querySelector('main');
  const added = document.createElement('div');
  added.innerHTML = '<p>added text <i>nested</i></p><p class="reprise-mask">added masked</p>';
  main.appendChild(added);
  document.querySelector('[data-reprise-mask] ul').insertAdjacentHTML('beforeend', '<li>added under a masked list</li>');
  document.querySelector('.reprise-block').appendChild(document.createTextNode('added to a blocked region'));
  document.querySelector('.card h3').textContent = 'Changed title';
  document.querySelector('.card').setAttribute('data-state', 'changed');
  document.querySelector('.reprise-mask span').textContent = 'changed masked';
  document.getElementById('host').shadowRoot.querySelector('p').append(' more shadow text');
  document.getElementById('host').shadowRoot.append(document.createElement('div'), 'text added to a shadow root');
  main.appendChild(document.querySelector('.card'));
  const link = document.createElement('a');
  link.setAttribute('href', 'relative/added');
  link.setAttribute('style', 'background: url(added.png)');
  link.textContent = 'added link';
  main.appendChild(link);
  main.insertAdjacentHTML('beforeend', '<svg><rect width="1" height="1"></rect></svg><x-card>added custom</x-card><input value="added input">');
`;

/** Every node's mirror id in tree order, shadow trees included: later mutations refer to nodes by these ids. */
const MIRROR_IDS = `(() => {
  const ids = [];
  const visit = (node) => {
    ids.push(node.nodeName + ':' + window.rrwebRecord.mirror.getId(node));
    if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    node.childNodes.forEach(visit);
  };
  visit(document);
  return ids.join(' ');
})()`;

let browser: Browser;
let server: PageServer;
let origin: string;
let bundles: Record<string, string> = {};

beforeAll(async () => {
  bundles = await buildRrwebBundles();
  server = await servePages((req, res) => {
    const url = new URL(req.url || '/', 'http://x');
    const script = bundles[url.searchParams.get('rrweb') || ''];
    const options = OPTION_SETS[url.searchParams.get('options') as keyof typeof OPTION_SETS];
    if (!script || !options) return res.writeHead(404).end();
    const body = url.searchParams.get('body') === 'shadow-marked' ? SHADOW_MARKED_BODY : BODY;
    res.writeHead(200, { 'content-type': 'text/html' }).end(recordingPage('Patches', script, options, body));
  });
  origin = server.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The events one build records: full snapshot, then the mutations of MUTATE. Timestamps are the only thing dropped. */
async function record(rrweb: 'published' | 'patched', options: keyof typeof OPTION_SETS, body = 'full'): Promise<{ snapshot: string; mutations: string; mirror: string; text: string }> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/?${new URLSearchParams({ rrweb, options, body })}`);
    await tab.waitForFunction('window.__events.some((event) => event.type === 2)');
    if (body === 'full') {
      await tab.evaluate(MUTATE);
      await tab.waitForFunction('window.__events.some((event) => event.type === 3 && event.data.source === 0 && event.data.adds.length > 0)');
    }
    const mirror = (await tab.evaluate(MIRROR_IDS)) as string;
    const events = (await tab.evaluate('window.__events.map(({ timestamp, ...rest }) => rest)')) as { type: number; data: { source?: number; href?: string } }[];
    const snapshot = JSON.stringify(events.find((event) => event.type === 2));
    const mutations = JSON.stringify(events.filter((event) => event.type === 3 && event.data.source === 0));
    // The page's own URL (in Meta-free events only through resolved links) differs by the query naming the build.
    const sameUrl = (text: string) => text.split(`rrweb=${rrweb}`).join('rrweb=X');
    return { snapshot: sameUrl(snapshot), mutations: sameUrl(mutations), mirror, text: snapshot + mutations };
  } finally {
    await tab.close();
  }
}

describe('recorder | rrweb build patches', () => {
  it('blocks and masks inside a shadow tree when the light DOM carries no marker at all', async () => {
    const published = await record('published', 'reprise', 'shadow-marked');
    const patched = await record('patched', 'reprise', 'shadow-marked');
    expect(patched.snapshot).toBe(published.snapshot);
    expect(patched.mirror).toBe(published.mirror);
    expect(published.snapshot).toContain('clear shadow text');
    for (const hidden of ['blocked in shadow', 'masked in shadow', 'deeper', 'masked by attribute in shadow']) expect(patched.snapshot).not.toContain(hidden);
  });

  for (const options of Object.keys(OPTION_SETS) as (keyof typeof OPTION_SETS)[]) {
    it(`serializes the same snapshot and mutations as rrweb as published, with ${options} options`, async () => {
      expect(bundles.patched).toContain('leanSerialize('); // the lean serializer is in the build under test
      const published = await record('published', options);
      const patched = await record('patched', options);
      expect(patched.snapshot).toBe(published.snapshot);
      expect(patched.mutations).toBe(published.mutations);
      expect(patched.mirror).toBe(published.mirror);
      expect(published.mirror.match(/:[1-9]\d*/g)?.length).toBeGreaterThan(100); // ids, not -1 (unknown) for all
      // The page really walked the patched paths: text under both kinds of parent, shadow roots, custom elements.
      expect(published.text).toContain('Visible title');
      expect(published.text).toContain('shadow text ');
      expect(published.text).toContain('"isCustom":true');
      expect(published.text).toContain('added text ');
      // ... and the cases the lean serializer leaves to rrweb.
      expect(published.text).toContain('"rr_scrollLeft":30');
      expect(published.text).toContain('/up/page?x=1');
      expect(published.text).toMatch(/url\(http:\/\/127\.0\.0\.1:\d+\/img\/bg\.png\)/);
      expect(published.text).toContain('text added to a shadow root');
      expect(published.text).toContain('"isSVG":true');
      if (options === 'reprise') {
        expect(published.text).not.toContain('nested deeper');
        expect(published.text).not.toContain('masked shadow text');
        expect(published.text).not.toContain('secret');
        expect(published.text).toContain('"rr_width":"120px"');
      }
    });
  }
});
