// Builders for realistic replay observations, shaped like the replayer's output (Playwright aria snapshots,
// normalized request paths). Not a test file: imported by the analysis tests.
import type { ActionTarget, NetworkObservation, ReplayResult, StepAction, StepObservation } from '../../../../protocol/index.js';

export function button(name: string, rect = { x: 100, y: 300, width: 160, height: 40 }): ActionTarget {
  return { candidates: [{ by: 'role', role: 'button', name }], tag: 'button', role: 'button', name, rect };
}

export function request(method: string, path: string, status = 200, extra: Partial<NetworkObservation> = {}): NetworkObservation {
  return { method, path, status, resourceType: 'fetch', durationMs: 40, ...extra };
}

export const CHECKOUT_ARIA = [
  '- banner:',
  '  - link "Home"',
  '  - link "Cart (2)"',
  '- main:',
  '  - heading "Checkout" [level=1]',
  '  - textbox "Email"',
  '  - button "Place order"',
  '- contentinfo:',
  '  - text: Updated 3 seconds ago',
].join('\n');

export const CONFIRMATION_ARIA = ['- main:', '  - heading "Thank you for your order" [level=1]', '  - link "View order"'].join('\n');

export function observation(index: number, action: StepAction, overrides: Partial<StepObservation> = {}): StepObservation {
  return {
    index,
    action,
    outcome: 'performed',
    url: 'https://baseline.test/checkout',
    title: 'Checkout',
    aria: CHECKOUT_ARIA,
    text: 'Home Cart (2) Checkout Email Place order Updated 3 seconds ago',
    textDigest: '',
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    quiescenceMs: 300,
    durationMs: 400,
    ...overrides,
  };
}

/** A three-step checkout: open /checkout, fill the email, place the order (lands on the confirmation page). */
export function checkoutSteps(origin = 'https://baseline.test'): StepObservation[] {
  return [
    observation(0, { type: 'navigate', url: `${origin}/checkout` }, {
      url: `${origin}/checkout`,
      requests: [request('GET', '/checkout', 200, { resourceType: 'document' }), request('GET', '/api/cart', 200, { responseShape: '{items:[{id:number,price:number}],total:number}' })],
      screenshot: 'shot-checkout',
    }),
    observation(1, { type: 'fill', target: { candidates: [{ by: 'label', value: 'Email' }], tag: 'input', role: 'textbox', name: 'Email' }, value: 'a@b.c' }, {
      url: `${origin}/checkout`,
    }),
    observation(2, { type: 'click', target: button('Place order') }, {
      url: `${origin}/orders/1042/confirmation`,
      title: 'Thank you',
      aria: CONFIRMATION_ARIA,
      text: 'Thank you for your order View order',
      requests: [request('POST', '/api/orders', 201, { responseShape: '{id:number,status:string}' })],
      screenshot: 'shot-confirmation',
    }),
  ];
}

export function replay(steps: StepObservation[], overrides: Partial<ReplayResult> = {}): ReplayResult {
  return { sessionId: 's1', target: 'https://baseline.test', mode: 'live', status: 'completed', steps, startedAt: 0, durationMs: 1000, ...overrides };
}

/** Copies of the baseline steps with some fields changed, as a candidate would differ. */
export function withStep(steps: StepObservation[], index: number, overrides: Partial<StepObservation>): StepObservation[] {
  return steps.map((step) => (step.index === index ? { ...step, ...overrides } : step));
}

/** In-memory blob store standing in for the project's blob storage. */
export function memoryBlobs(initial: Record<string, Uint8Array> = {}) {
  const blobs = new Map(Object.entries(initial));
  let counter = 0;
  return {
    blobs,
    loadBlob: async (key: string) => blobs.get(key),
    saveBlob: async (bytes: Uint8Array) => {
      const key = `diff-${++counter}`;
      blobs.set(key, bytes);
      return key;
    },
  };
}
