// Batches shaped like what the Reprise recorder sends: a Meta + FullSnapshot + context once per session, then
// incremental mutations, mouse, scroll and input events mixed with reprise.* custom events, 100-300 per batch.
import { checksumEvents, RECORDING_FORMAT_VERSION, type IngestBatch, type RecordedEvent } from '../../protocol/index.js';
import { seededRandom } from '../../e2e/harness/seededRandom.js';

export const BATCHES_PER_SESSION = 25;
const MIN_EVENTS_PER_BATCH = 100;
const MAX_EVENTS_PER_BATCH = 300;
const PRODUCT_CARDS = 40;


interface SessionState {
  sessionId: string;
  random: () => number;
  clock: number;
  nextNodeId: number;
  liveIds: number[];
}

/** Builds the batches of one simulated session, in seq order, on demand. */
export class SimulatedSession {
  private readonly state: SessionState;
  private seq = 0;

  constructor(sessionId: string, seed: number, start = Date.now()) {
    this.state = { sessionId, random: seededRandom(seed), clock: start, nextNodeId: 1, liveIds: [] };
  }

  get done(): boolean {
    return this.seq >= BATCHES_PER_SESSION;
  }

  nextBatch(): IngestBatch {
    const { state } = this;
    const events = this.seq === 0 ? openingEvents(state) : [];
    const target = MIN_EVENTS_PER_BATCH + Math.floor(state.random() * (MAX_EVENTS_PER_BATCH - MIN_EVENTS_PER_BATCH + 1));
    while (events.length < target) events.push(incrementalEvent(state));
    const seq = this.seq++;
    return { formatVersion: RECORDING_FORMAT_VERSION, sessionId: state.sessionId, seq, checksum: checksumEvents(events), sentAt: state.clock, events };
  }
}

function tick(state: SessionState, maxMs: number): number {
  state.clock += 1 + Math.floor(state.random() * maxMs);
  return state.clock;
}

function node(state: SessionState, tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) {
  const id = state.nextNodeId++;
  state.liveIds.push(id);
  return { type: 2, tagName, attributes, childNodes, id };
}

function text(state: SessionState, textContent: string) {
  const id = state.nextNodeId++;
  return { type: 3, textContent, id };
}

function openingEvents(state: SessionState): RecordedEvent[] {
  const href = 'https://shop.example/catalog?page=1';
  const cards = Array.from({ length: PRODUCT_CARDS }, (_, index) =>
    node(state, 'article', { class: 'card product-card', 'data-testid': `product-${index}` }, [
      node(state, 'img', { src: `https://cdn.shop.example/img/p${index}.webp`, alt: `Product ${index}`, width: '240', height: '180' }),
      node(state, 'h3', { class: 'card-title' }, [text(state, `Product ${index}: a sensible everyday item`)]),
      node(state, 'p', { class: 'price' }, [text(state, `$${(10 + index * 3.5).toFixed(2)}`)]),
      node(state, 'button', { class: 'btn btn-primary', type: 'button' }, [text(state, 'Add to cart')]),
    ]));
  const body = node(state, 'body', { class: 'theme-light' }, [
    node(state, 'header', { class: 'site-header' }, [node(state, 'nav', { 'aria-label': 'Main' }, [text(state, 'Shop Deals Account Cart')])]),
    node(state, 'main', { id: 'content' }, [node(state, 'section', { class: 'grid' }, cards)]),
    node(state, 'form', { class: 'newsletter' }, [node(state, 'input', { type: 'email', name: 'email', placeholder: 'you@example.com' })]),
  ]);
  const html = node(state, 'html', { lang: 'en' }, [node(state, 'head', {}, [node(state, 'title', {}, [text(state, 'Catalog')])]), body]);
  const start = state.clock;
  return [
    { type: 4, data: { href, width: 1280, height: 720 }, timestamp: start },
    { type: 2, data: { node: { type: 0, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: state.nextNodeId++ }, html], id: state.nextNodeId++ }, initialOffset: { left: 0, top: 0 } }, timestamp: tick(state, 5) },
    custom('reprise.context', { url: href, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', viewport: { width: 1280, height: 720 }, appVersion: '4.12.0', flags: { newCheckout: true } }, tick(state, 5)),
    custom('reprise.identify', { userId: `user-${state.sessionId.slice(-6)}`, accountId: 'acct-42' }, tick(state, 5)),
  ];
}

function pick<T>(state: SessionState, items: readonly T[]): T {
  return items[Math.floor(state.random() * items.length)]!;
}

function incrementalEvent(state: SessionState): RecordedEvent {
  const roll = state.random();
  const id = pick(state, state.liveIds);
  if (roll < 0.4) {
    const positions = Array.from({ length: 3 + Math.floor(state.random() * 8) }, (_, index) => ({ x: Math.floor(state.random() * 1280), y: Math.floor(state.random() * 720), id, timeOffset: -index * 16 }));
    return { type: 3, data: { source: 1, positions }, timestamp: tick(state, 50) };
  }
  if (roll < 0.6) {
    const added = node(state, 'div', { class: 'toast', role: 'status' }, [text(state, 'Added to cart')]);
    return {
      type: 3,
      data: { source: 0, adds: [{ parentId: id, nextId: null, node: added }], removes: state.random() < 0.3 ? [{ parentId: id, id: pick(state, state.liveIds) }] : [], texts: [{ id: pick(state, state.liveIds), value: `${Math.floor(state.random() * 9)} items` }], attributes: [{ id, attributes: { class: state.random() < 0.5 ? 'card is-active' : 'card' } }] },
      timestamp: tick(state, 40),
    };
  }
  if (roll < 0.7) return { type: 3, data: { source: 2, type: pick(state, [0, 1, 2, 5, 6]), id, x: Math.floor(state.random() * 1280), y: Math.floor(state.random() * 720) }, timestamp: tick(state, 200) };
  if (roll < 0.8) return { type: 3, data: { source: 3, id: 1, x: 0, y: Math.floor(state.random() * 4000) }, timestamp: tick(state, 80) };
  if (roll < 0.87) return { type: 3, data: { source: 5, id, text: 'jane.doe@example.com'.slice(0, 1 + Math.floor(state.random() * 20)), isChecked: false, userTriggered: true }, timestamp: tick(state, 150) };
  if (roll < 0.93) {
    return custom('reprise.action', { type: 'click', target: { selectors: [{ kind: 'testid', value: `product-${Math.floor(state.random() * PRODUCT_CARDS)}` }, { kind: 'role', value: 'button', name: 'Add to cart' }], tagName: 'button', text: 'Add to cart' } }, tick(state, 300));
  }
  if (roll < 0.98) {
    const status = state.random() < 0.05 ? 500 : 200;
    return custom('reprise.network', { initiator: 'fetch', method: 'POST', url: 'https://shop.example/api/cart', status, startedAt: state.clock, durationMs: Math.floor(state.random() * 300), responseBody: '{"items":3,"total":"42.50"}' }, tick(state, 300));
  }
  return custom('reprise.route', { kind: 'pushState', url: `https://shop.example/product/${Math.floor(state.random() * 500)}` }, tick(state, 500));
}

function custom(tag: string, payload: unknown, timestamp: number): RecordedEvent {
  return { type: 5, data: { tag, payload }, timestamp };
}
