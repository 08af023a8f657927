import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { SessionVerdict, StepObservation } from '../../../../protocol/index.js';
import { analyzeSession, defaultModel, evaluate, featuresFromEvidence, groupTickets } from '../../../analysis/index.js';
import { checkoutSteps, memoryBlobs, replay, request, withStep } from './fixtures.js';

async function screenshot(accent: { r: number; g: number; b: number }): Promise<Uint8Array> {
  const buttonBlock = await sharp({ create: { width: 160, height: 40, channels: 4, background: { ...accent, alpha: 1 } } }).png().toBuffer();
  const page = sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } });
  return new Uint8Array(await page.composite([{ input: buttonBlock, left: 20, top: 20 }]).png().toBuffer());
}

async function analyze(sessionId: string, candidateSteps: StepObservation[], options: { userId?: string; blobs?: ReturnType<typeof memoryBlobs>; baselineSteps?: StepObservation[]; candidateStatus?: 'error'; candidateError?: string } = {}): Promise<SessionVerdict> {
  const blobs = options.blobs ?? memoryBlobs();
  return analyzeSession({
    sessionId,
    userId: options.userId,
    baseline: replay(options.baselineSteps ?? checkoutSteps()),
    candidate: replay(candidateSteps, options.candidateStatus ? { status: 'error', error: options.candidateError } : {}),
    loadBlob: blobs.loadBlob,
    saveBlob: blobs.saveBlob,
    model: defaultModel(),
  });
}

function orderFails(): StepObservation[] {
  return withStep(checkoutSteps('https://preview.test'), 2, {
    url: 'https://preview.test/checkout',
    aria: checkoutSteps()[1].aria,
    text: checkoutSteps()[1].text,
    requests: [request('POST', '/api/orders', 500)],
    consoleErrors: ['Failed to load resource: the server responded with a status of 500 (Internal Server Error)'],
  });
}

describe('analysis | analyzeSession and groupTickets', () => {
  it('passes a session that behaves the same', async () => {
    const verdict = await analyze('same', checkoutSteps('https://preview.test'));
    expect(verdict).toMatchObject({ id: 'same', status: 'pass', ticketProbability: 0, divergences: [] });
  });

  it('keeps a benign restyle (new accent colour, a reworded footer) below 0.2 and out of tickets', async () => {
    const blobs = memoryBlobs({ 'shot-checkout': await screenshot({ r: 30, g: 90, b: 200 }), restyled: await screenshot({ r: 20, g: 140, b: 90 }) });
    const steps = withStep(checkoutSteps('https://preview.test'), 0, {
      screenshot: 'restyled',
      text: 'Home Cart (2) Checkout Email Place order Last updated 3 seconds ago',
    });
    const verdict = await analyze('restyle', steps, { blobs });
    expect(verdict.divergences.map((divergence) => divergence.kind).sort()).toEqual(['text-changed', 'visual-changed']);
    expect(verdict.status).toBe('diverged');
    expect(verdict.ticketProbability).toBeLessThan(0.2);
    expect(groupTickets([verdict])).toEqual([]);
  });

  it('keeps reordered markup below 0.2', async () => {
    const reordered = ['- banner:', '  - link "Cart (2)"', '  - link "Home"', '- main:', '  - heading "Checkout" [level=1]', '  - button "Place order"', '  - textbox "Email"', '- contentinfo:'].join('\n');
    const verdict = await analyze('reorder', withStep(checkoutSteps('https://preview.test'), 1, { aria: reordered }));
    expect(verdict.divergences[0].evidence?.reorderedOnly).toBe(true);
    expect(verdict.ticketProbability).toBeLessThan(0.2);
  });

  it('predicts a ticket for a 5xx on the order request, grouped across three sessions', async () => {
    const verdicts = await Promise.all([
      analyze('s1', orderFails(), { userId: 'u1' }),
      analyze('s2', orderFails(), { userId: 'u2' }),
      analyze('s3', orderFails(), { userId: 'u2' }),
      analyze('s4', checkoutSteps('https://preview.test'), { userId: 'u3' }),
    ]);
    const failed = verdicts[0].divergences.find((divergence) => divergence.kind === 'request-failed')!;
    expect(Number(failed.evidence?.ticketProbability)).toBeGreaterThan(0.7);
    expect(verdicts[0].ticketProbability).toBeGreaterThan(0.7);
    expect(verdicts[0].explanation[0].contribution).toBeGreaterThan(0);
    expect(featuresFromEvidence(failed)).toMatchObject({ 'kind:request-failed': 1, serverError: 1, apiRequest: 1, userTriggered: 1 });

    const tickets = groupTickets(verdicts);
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket.kind).toBe('request-failed');
    expect(ticket.sessionIds).toEqual(['s1', 's2', 's3']);
    expect(ticket.userIds).toEqual(['u1', 'u2']);
    expect(ticket.title).toBe("Checkout: clicking 'Place order' fails — POST /api/orders returns 500");
    expect(ticket.draft.stepsToReproduce).toEqual(['Open /checkout', "Fill 'Email'", "Click 'Place order'"]);
    expect(ticket.draft.expected).toBe('POST /api/orders returns 201 as on the baseline');
    expect(ticket.id).toMatch(/^t_[0-9a-f]{12}$/);
    expect(groupTickets(verdicts)[0].id).toBe(ticket.id);
  });

  it('scores a hard failure on a blocked path above 0.8', async () => {
    const steps = checkoutSteps('https://preview.test');
    steps[2] = { ...steps[2], outcome: 'target-missing', outcomeReason: 'No element matched getByRole(button, { name: "Place order" })', url: 'https://preview.test/checkout', aria: steps[1].aria, text: steps[1].text, requests: [] };
    const verdict = await analyze('blocked', steps);
    const failed = verdict.divergences.find((divergence) => divergence.kind === 'action-failed')!;
    expect(Number(failed.evidence?.ticketProbability)).toBeGreaterThan(0.8);
    expect(verdict.explanation.map((contribution) => contribution.feature)).toContain('blockedPath');
    const tickets = groupTickets([verdict]);
    expect(tickets).toHaveLength(1);
    expect(tickets[0].title).toBe("Checkout: clicking 'Place order' fails — button 'Place order' target missing");
  });

  it('scores a new uncaught page error above 0.6', async () => {
    const steps = withStep(checkoutSteps('https://preview.test'), 1, { pageErrors: ["TypeError: Cannot read properties of null (reading 'value')"] });
    const verdict = await analyze('page-error', steps);
    expect(verdict.divergences.map((divergence) => divergence.kind)).toEqual(['page-error']);
    expect(verdict.ticketProbability).toBeGreaterThan(0.6);
  });

  it('reports errors: the baseline failing, or the candidate failing before its first step', async () => {
    const blobs = memoryBlobs();
    const baselineFailed = await analyzeSession({ sessionId: 'b', baseline: replay([], { status: 'error', error: 'net::ERR_CONNECTION_REFUSED' }), candidate: replay(checkoutSteps()), ...blobs, model: defaultModel() });
    expect(baselineFailed.status).toBe('error');
    expect(baselineFailed.error).toBe("Cannot judge session b: the baseline replay failed (net::ERR_CONNECTION_REFUSED). Check that the baseline deployment serves this session's pages, then re-run.");
    const unreachable = await analyze('c', [], { candidateStatus: 'error', candidateError: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(unreachable.status).toBe('error');
    expect(unreachable.error).toContain('the candidate replay failed before its first step (net::ERR_NAME_NOT_RESOLVED)');
  });

  it('turns a candidate replay that stops part-way into an action-failed divergence', async () => {
    const verdict = await analyze('stopped', checkoutSteps('https://preview.test').slice(0, 2), { candidateStatus: 'error', candidateError: 'page crashed' });
    expect(verdict.status).toBe('diverged');
    const stopped = verdict.divergences.find((divergence) => divergence.evidence?.replayError === true)!;
    expect(stopped).toMatchObject({ kind: 'action-failed', step: 2, summary: "The candidate replay stopped before clicking 'Place order': page crashed" });
    expect(verdict.ticketProbability).toBeGreaterThan(0.8);
  });

  it('evaluates flagged changes against known outcomes', async () => {
    const broken = await analyze('x', orderFails());
    const fine = await analyze('y', checkoutSteps('https://preview.test'));
    const result = evaluate([
      { verdicts: [broken], expectTicket: true },
      { verdicts: [fine], expectTicket: false },
      { verdicts: [broken], expectTicket: false },
      { verdicts: [fine], expectTicket: true },
    ]);
    expect(result).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 1, precision: 0.5, recall: 0.5, falseAlarmRate: 0.5 });
  });
});
