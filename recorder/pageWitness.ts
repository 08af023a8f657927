// What happened on the page before the recorder started, so that its first snapshot need not force the page's
// layout to find out (issue #8). rrweb's full snapshot reads scrollLeft and scrollTop of every element, the window's
// scroll offset, and the document's selection; the first such read forces the page's whole style and layout inside
// the recorder's script, which on bench/recorder's large page costs more than the snapshot's walk itself.
//
// An offset changes only by scrolling, and every scroll fires a 'scroll' event at its element (at the document for
// the viewport); every change of the document's selection fires 'selectionchange'. Listeners that exist before
// <body> does have therefore heard of every element that can have an offset and of any selection: one that changed
// before the snapshot was heard (and is read as rrweb reads it); one whose event is still pending when the snapshot
// is taken reaches rrweb's own observers afterwards and is recorded as an incremental event. The listeners are
// installed by the inline loader (protocol/loaderSnippet.ts) in <head>. 'scroll' is not composed, so elements in
// shadow trees or in other documents are never heard of: those are always read. Without a witness, everything is
// read, as rrweb does. The loader also queues the app's early API calls and keeps its early errors (takeQueuedCalls,
// takeEarlyErrors), wherever it was pasted.
import { LOADER_VERSION, type LoaderStub, type LoaderWitness } from '../protocol/recorderInstall.js';

/** The loader's stub on window.Reprise, if it is of the version this bundle knows. */
let loader: Partial<LoaderStub> | null = null;
/** What the loader recorded. */
let loaderSeen: Partial<LoaderWitness> | null = null;
/** The same, only if the loader ran before <body> existed: then its scroll and selection record is complete. */
let witness: LoaderWitness | null = null;

try {
  if (typeof window !== 'undefined') {
    const stub = (window as { Reprise?: Partial<LoaderStub> }).Reprise;
    loader = stub && stub.v === LOADER_VERSION ? stub : null;
    loaderSeen = (loader && loader.seen) || null;
    witness = loaderSeen && loaderSeen.head === true && loaderSeen.scrolled instanceof WeakSet ? (loaderSeen as LoaderWitness) : null;
  }
} catch {
  // A page that forbids what this reads (a frozen or proxied global) just gets everything read.
  loader = loaderSeen = witness = null;
}

/** The API calls the app made before the recorder loaded, in their order; empties the loader's queue. */
export function takeQueuedCalls(): LoaderStub['q'] {
  return loader && Array.isArray(loader.q) ? loader.q.splice(0) : [];
}

/** False when everything must be read: no listener has existed since before <body>. */
export function witnessActive(): boolean {
  return witness !== null;
}

/**
 * Whether the snapshot must read `element`'s scroll offsets. `<html>` and `<body>` report the viewport's offset in
 * one of the two rendering modes, so they are read when the viewport scrolled; an element outside the top
 * document's light DOM is always read (its events never reach the listener).
 */
export function elementMayHaveScrolled(element: Element, tagName: string, rootNode: Node): boolean {
  if (witness === null || rootNode !== document) return true;
  if ((tagName === 'html' || tagName === 'body') && witness.viewportScrolled) return true;
  // WeakSet.has on each of thousands of elements costs ~5 ms on the bench's large page; most pages never scroll one.
  return witness.anyScrolled && witness.scrolled.has(element);
}

/** Whether the full snapshot must read the window's scroll offset (rrweb's initialOffset). */
export function viewportMayHaveScrolled(): boolean {
  return witness === null || witness.viewportScrolled;
}

/**
 * The page's uncaught errors and rejections from before the recorder took over, kept by the loader; stops the
 * loader's listener, so call it once the recorder's own listeners are in place (nothing can fire in between).
 */
export function takeEarlyErrors(): Event[] {
  if (loaderSeen === null || !Array.isArray(loaderSeen.errors) || typeof loaderSeen.keep !== 'function') return [];
  removeEventListener('error', loaderSeen.keep, true);
  removeEventListener('unhandledrejection', loaderSeen.keep);
  return loaderSeen.errors.splice(0);
}

/** Whether rrweb's selection observer must read `doc`'s selection when it starts (an iframe's is always read). */
export function selectionMayBeSet(doc: Document): boolean {
  return witness === null || doc !== document || witness.selectionChanged;
}
