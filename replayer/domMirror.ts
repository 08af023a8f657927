import { JSDOM } from 'jsdom';
import { buildNodeWithSN, createCache, createMirror, rebuild, type BuildCache, type Mirror } from 'rrweb-snapshot';

interface AddedNode {
  parentId: number;
  nextId: number | null;
  node: Parameters<typeof buildNodeWithSN>[0];
}
interface MutationData {
  removes?: { parentId: number; id: number }[];
  adds?: AddedNode[];
  texts?: { id: number; value: string | null }[];
  attributes?: { id: number; attributes: Record<string, string | null | Record<string, unknown>> }[];
}

/**
 * The recorded page rebuilt in jsdom, kept current with rrweb mutations, so that a node id from an rrweb
 * interaction can be turned into an element we can ask for a role, a name and a label.
 */
export class DomMirror {
  private document: Document | undefined;
  private mirror: Mirror = createMirror();
  private cache: BuildCache = createCache();

  get hasSnapshot(): boolean {
    return this.document !== undefined;
  }

  loadFullSnapshot(node: Parameters<typeof rebuild>[0]): void {
    const dom = new JSDOM('');
    exposeDomGlobals(dom.window);
    this.mirror = createMirror();
    this.cache = createCache();
    const doc = dom.window.document;
    rebuild(node, { doc, mirror: this.mirror, cache: this.cache, hackCss: false, UNSAFE_allowUnprotectedRebuild: true });
    this.document = doc;
  }

  /** Applies one rrweb Mutation payload in rrweb's own order: removes, adds, texts, attributes. */
  applyMutation(data: MutationData): void {
    const doc = this.document;
    if (!doc) return;
    for (const remove of data.removes ?? []) {
      const node = this.mirror.getNode(remove.id);
      node?.parentNode?.removeChild(node);
      if (node) this.mirror.removeNodeFromMap(node);
    }
    let queue = [...(data.adds ?? [])];
    // An add may reference a parent or sibling added later in the same batch: retry until no progress.
    while (queue.length) {
      const waiting = queue.filter((add) => !this.tryAdd(doc, add));
      if (waiting.length === queue.length) break;
      queue = waiting;
    }
    for (const text of data.texts ?? []) {
      const node = this.mirror.getNode(text.id);
      if (node) node.textContent = text.value ?? '';
    }
    for (const change of data.attributes ?? []) {
      const node = this.mirror.getNode(change.id) as Element | null;
      if (!node || typeof node.setAttribute !== 'function') continue;
      for (const [name, value] of Object.entries(change.attributes)) {
        if (value === null) node.removeAttribute(name);
        else if (typeof value === 'string') node.setAttribute(name, value);
      }
    }
  }

  /** Keeps the mirror's idea of a field's value current, for labels that depend on it and for `select`. */
  applyInput(id: number, text: string | undefined, isChecked: boolean | undefined): void {
    const node = this.mirror.getNode(id) as HTMLInputElement | null;
    if (!node) return;
    if (text !== undefined && 'value' in node) node.value = text;
    if (isChecked !== undefined && 'checked' in node) node.checked = isChecked;
  }

  getElement(id: number): Element | null {
    const node = this.mirror.getNode(id);
    if (!node) return null;
    return node.nodeType === 1 ? (node as Element) : node.parentElement;
  }

  private tryAdd(doc: Document, add: AddedNode): boolean {
    const parent = this.mirror.getNode(add.parentId);
    if (!parent) return false;
    const next = add.nextId === null ? null : this.mirror.getNode(add.nextId);
    if (add.nextId !== null && !next) return false;
    const built = buildNodeWithSN(add.node, { doc, mirror: this.mirror, hackCss: false, cache: this.cache });
    if (!built) return true;
    parent.insertBefore(built, next);
    return true;
  }
}

const DOM_GLOBAL = /^(Node|Element|Document|DocumentFragment|ShadowRoot|MutationObserver|Text|Comment|CSSStyleSheet|(HTML|SVG)\w*Element)$/;

// rrweb-snapshot and dom-accessibility-api test `instanceof Node`/`Element` against the globals.
function exposeDomGlobals(window: JSDOM['window']): void {
  const globals = globalThis as Record<string, unknown>;
  const source = window as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (DOM_GLOBAL.test(name)) globals[name] = source[name];
  }
}
