import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../../../protocol/index.js';
import { compareReplays, noiseSignature } from '../../../analysis/index.js';
import { button, checkoutSteps, memoryBlobs, observation, replay, request, withStep } from './fixtures.js';

async function compare(candidateSteps = checkoutSteps('https://preview.test'), extra: Partial<Parameters<typeof compareReplays>[0]> = {}) {
  const blobs = memoryBlobs();
  return compareReplays({ baseline: replay(checkoutSteps()), candidate: replay(candidateSteps), loadBlob: blobs.loadBlob, saveBlob: blobs.saveBlob, ...extra });
}

const kinds = (divergences: Divergence[]) => divergences.map((divergence) => `${divergence.step}:${divergence.kind}`);

describe('analysis | compareReplays', () => {
  it('finds nothing when the candidate behaves the same on another origin', async () => {
    expect(await compare()).toEqual([]);
  });

  it('reports a failed order: request-failed, navigation that stays put, new errors', async () => {
    const steps = withStep(checkoutSteps('https://preview.test'), 2, {
      url: 'https://preview.test/checkout',
      requests: [request('POST', '/api/orders', 500)],
      consoleErrors: ['Failed to load resource: the server responded with a status of 500 (Internal Server Error)'],
      pageErrors: ["TypeError: Cannot read properties of undefined (reading 'id')\n    at placeOrder (https://preview.test/assets/index-4f2a9c1b.js:1:2345)"],
    });
    const divergences = await compare(steps);
    expect(kinds(divergences)).toEqual(expect.arrayContaining(['2:request-failed', '2:navigation-changed', '2:page-error', '2:console-error']));
    const failed = divergences.find((divergence) => divergence.kind === 'request-failed')!;
    expect(failed.evidence).toMatchObject({ method: 'POST', path: '/api/orders', status: 500, baselineStatus: 201, apiRequest: true, routeBefore: '/checkout' });
    const navigation = divergences.find((divergence) => divergence.kind === 'navigation-changed')!;
    expect(navigation.summary).toBe("After clicking 'Place order' the page stays on /checkout instead of going to /orders/:id/confirmation");
  });

  it('does not call an error new when the baseline logged it one step earlier or later, but does two steps away', async () => {
    const late = 'Uncaught Error: Widget exploded';
    const blobs = memoryBlobs();
    const baseline = replay(withStep(checkoutSteps(), 1, { pageErrors: [late], consoleErrors: ['Failed to load resource: the server responded with a status of 404 (Not Found)'] }));
    const shifted = withStep(checkoutSteps('https://preview.test'), 2, { pageErrors: [late], consoleErrors: ['Failed to load resource: the server responded with a status of 404 (Not Found)'] });
    const divergences = await compareReplays({ baseline, candidate: replay(shifted), loadBlob: blobs.loadBlob, saveBlob: blobs.saveBlob });
    expect(kinds(divergences).filter((kind) => kind.endsWith('error'))).toEqual([]);

    const twoAway = replay(withStep(checkoutSteps(), 0, { pageErrors: [late] }));
    const farther = await compareReplays({ baseline: twoAway, candidate: replay(withStep(checkoutSteps('https://preview.test'), 2, { pageErrors: [late, late] })), loadBlob: blobs.loadBlob, saveBlob: blobs.saveBlob });
    expect(kinds(farther).filter((kind) => kind.endsWith('error'))).toEqual(['2:page-error', '2:page-error']);
  });

  it('reports a step the candidate could not perform, and attributes later differences to it', async () => {
    const steps = checkoutSteps('https://preview.test');
    steps[1] = { ...steps[1], outcome: 'target-missing', outcomeReason: 'No element matched.\nCall log:\n- getByLabel(Email): 0 matches' };
    steps[2] = { ...steps[2], outcome: 'skipped', url: 'https://preview.test/checkout', aria: steps[1].aria, text: steps[1].text, requests: [] };
    const divergences = await compare(steps);
    const failed = divergences.find((divergence) => divergence.kind === 'action-failed' && divergence.step === 1)!;
    expect(failed.summary).toBe("Filling 'Email' failed: target-missing (No element matched.)");
    expect(failed.element).toBe("textbox 'Email'");
    const later = divergences.filter((divergence) => divergence.step === 2);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((divergence) => divergence.evidence?.consequenceOf === 1)).toBe(true);
  });

  it('separates vanished interactive elements from other accessibility changes', async () => {
    const aria = ['- banner:', '  - link "Home"', '- main:', '  - heading "Checkout" [level=1]', '  - textbox "Email"', '  - button "Place order" [disabled]', '  - alert "Service unavailable"'].join('\n');
    const divergences = await compare(withStep(checkoutSteps('https://preview.test'), 1, { aria }));
    const missing = divergences.find((divergence) => divergence.kind === 'element-missing')!;
    expect(missing.summary).toBe("link 'Cart (2)' is gone after filling 'Email'");
    const changed = divergences.find((divergence) => divergence.kind === 'aria-changed')!;
    expect(changed.summary).toContain("new alert 'Service unavailable'");
    expect(changed.summary).toContain("button 'Place order' is now disabled");
    expect(changed.evidence?.disabledInteractive).toBe(true);
  });

  it('marks a vanished element the user clicks later as targetGone', async () => {
    const aria = ['- main:', '  - heading "Checkout" [level=1]', '  - textbox "Email"'].join('\n');
    const divergences = await compare(withStep(checkoutSteps('https://preview.test'), 1, { aria }));
    const missing = divergences.find((divergence) => divergence.kind === 'element-missing')!;
    expect(missing.evidence?.targetGone).toBe(true);
  });

  it('reports reordering alone as a weak aria change', async () => {
    const reordered = ['- main:', '  - button "Place order"', '  - textbox "Email"', '  - heading "Checkout" [level=1]', '- banner:', '  - link "Cart (2)"', '  - link "Home"', '- contentinfo:'].join('\n');
    const divergences = await compare(withStep(checkoutSteps('https://preview.test'), 1, { aria: reordered }));
    expect(divergences).toHaveLength(1);
    expect(divergences[0]).toMatchObject({ kind: 'aria-changed', severity: 0.05, evidence: expect.objectContaining({ reorderedOnly: true }) });
  });

  it('reports text, payload, missing and added requests, status changes and slowness', async () => {
    const steps = checkoutSteps('https://preview.test');
    steps[0] = {
      ...steps[0],
      text: 'Home Cart (2) Checkout Email Shipping costs $5 Place order Updated 3 seconds ago',
      requests: [
        request('GET', '/checkout', 302, { resourceType: 'document' }),
        request('GET', '/api/cart', 200, { responseShape: '{items:[{id:number}],total:string}' }),
        request('GET', '/api/recommendations', 200),
      ],
      quiescenceMs: 4_000,
    };
    steps[2] = { ...steps[2], requests: [] };
    const divergences = await compare(steps);
    expect(kinds(divergences)).toEqual(expect.arrayContaining(['0:text-changed', '0:payload-changed', '0:request-added', '0:status-changed', '0:slower', '2:request-missing']));
    expect(divergences.find((divergence) => divergence.kind === 'text-changed')!.summary).toBe("Text after opening /checkout: added 'Shipping costs $5'");
    expect(divergences.find((divergence) => divergence.kind === 'payload-changed')!.summary).toBe('The response of GET /api/cart lost items[].price; retyped total: number → string');
  });

  it('does not count reordered text as changed text: moved words cancel out', async () => {
    const base = checkoutSteps();
    base[0] = { ...base[0], text: 'Catalogue Cart Log in Hearth & Home Lamps Chairs', textDigest: 'a' };
    const steps = checkoutSteps('https://preview.test');
    steps[0] = { ...steps[0], text: 'Log in Catalogue Cart Hearth & Home Chairs Lamps', textDigest: 'b' };
    const blobs = memoryBlobs();
    const divergences = await compareReplays({ baseline: replay(base), candidate: replay(steps), ...blobs });
    expect(divergences.filter((divergence) => divergence.kind === 'text-changed')).toEqual([]);
    steps[0] = { ...steps[0], text: 'Log in Catalogue Cart Hearth & Home Chairs Lamps Sold out', textDigest: 'c' };
    const changed = await compareReplays({ baseline: replay(base), candidate: replay(steps), ...blobs });
    expect(changed.find((divergence) => divergence.kind === 'text-changed')?.evidence).toMatchObject({ changedWords: 2 });
  });

  it('ignores content-hashed asset names that change with every build', async () => {
    const base = checkoutSteps();
    base[0] = { ...base[0], requests: [...base[0].requests, request('GET', '/assets/index-4f2a9c1b.js', 200, { resourceType: 'script' })] };
    const steps = checkoutSteps('https://preview.test');
    steps[0] = { ...steps[0], requests: [...steps[0].requests, request('GET', '/assets/index-9b8e7d60.js', 200, { resourceType: 'script' })] };
    const blobs = memoryBlobs();
    expect(await compareReplays({ baseline: replay(base), candidate: replay(steps), ...blobs })).toEqual([]);
  });

  it('marks as noise what the A/A pair also disagrees on, and keeps real changes', async () => {
    const footer = (ago: string) => `Home Cart (2) Checkout Email Place order Updated ${ago} seconds ago`;
    const repeat = withStep(checkoutSteps(), 1, { text: footer('five') });
    const candidate = withStep(checkoutSteps('https://preview.test'), 1, { text: footer('eight').replace('Place order', 'Pay now') });
    const blobs = memoryBlobs();
    const timeOnly = await compareReplays({ baseline: replay(checkoutSteps()), baselineRepeat: replay(repeat), candidate: replay(withStep(checkoutSteps('https://preview.test'), 1, { text: footer('eight') })), ...blobs });
    expect(timeOnly).toHaveLength(1);
    expect(timeOnly[0]).toMatchObject({ kind: 'text-changed', noise: true, evidence: expect.objectContaining({ noiseReason: 'baseline-repeat' }) });
    const real = await compareReplays({ baseline: replay(checkoutSteps()), baselineRepeat: replay(repeat), candidate: replay(candidate), ...blobs });
    expect(real.find((divergence) => divergence.kind === 'text-changed')?.noise).toBeUndefined();
  });

  it('marks visual changes in the A/A pair’s changing region as noise but not elsewhere', async () => {
    const png = async (boxes: { left: number; top: number }[]) => {
      const block = await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 1 } } }).png().toBuffer();
      const image = sharp({ create: { width: 200, height: 160, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } });
      return new Uint8Array(await image.composite(boxes.map((box) => ({ input: block, ...box }))).png().toBuffer());
    };
    const blobs = memoryBlobs({
      base: await png([]),
      repeat: await png([{ left: 150, top: 130 }]),
      carousel: await png([{ left: 152, top: 130 }]),
      banner: await png([{ left: 10, top: 10 }]),
    });
    const shot = (key: string) => withStep(checkoutSteps(), 0, { screenshot: key });
    const run = (candidateKey: string) => compareReplays({ baseline: replay(shot('base')), baselineRepeat: replay(shot('repeat')), candidate: replay(shot(candidateKey)), ...blobs });
    const [noisy] = await run('carousel');
    expect(noisy).toMatchObject({ kind: 'visual-changed', noise: true });
    const [real] = await run('banner');
    expect(real.kind).toBe('visual-changed');
    expect(real.noise).toBeUndefined();
    expect(real.diffImage && blobs.blobs.has(real.diffImage)).toBe(true);
    expect(real.region).toMatchObject({ x: 10, y: 10, width: 40, height: 20 });
  });

  it('applies ignore rules and known noise signatures', async () => {
    const steps = withStep(checkoutSteps('https://preview.test'), 0, {
      requests: [...checkoutSteps()[0].requests, request('POST', '/telemetry/events', 204)],
      consoleErrors: ['Warning: third-party widget failed'],
    });
    const divergences = await compare(steps, { ignore: { requestPaths: ['/telemetry/*'], textPatterns: ['third-party widget'] } });
    expect(divergences.length).toBe(2);
    expect(divergences.every((divergence) => divergence.noise && divergence.evidence?.noiseReason === 'ignore-rule')).toBe(true);

    const plain = await compare(withStep(checkoutSteps('https://preview.test'), 2, { consoleErrors: ['Deprecated API used 3 times'] }));
    const known = new Set([noiseSignature(plain[0])]);
    const again = await compare(withStep(checkoutSteps('https://preview.test'), 2, { consoleErrors: ['Deprecated API used 7 times'] }), { knownNoise: known });
    expect(again[0]).toMatchObject({ noise: true, evidence: expect.objectContaining({ noiseReason: 'known-noise' }) });
  });

  it('labels the element of a failed click from the action target', async () => {
    const steps = checkoutSteps('https://preview.test');
    steps[2] = { ...observation(2, { type: 'click', target: button('Place order') }), url: 'https://preview.test/checkout', outcome: 'not-actionable', outcomeReason: 'element is disabled' };
    const divergences = await compare(steps);
    const failed = divergences.find((divergence) => divergence.kind === 'action-failed')!;
    expect(failed).toMatchObject({ step: 2, element: "button 'Place order'", summary: "Clicking 'Place order' failed: not-actionable (element is disabled)" });
    expect(divergences.some((divergence) => divergence.kind === 'navigation-changed')).toBe(false);
  });
});
