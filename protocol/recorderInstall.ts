// How a staging app installs the recorder: a small inline loader in <head>, then the deferred script tag. Shared by
// the recorder (which adopts what the loader set up), the server and dashboard (which show the install), and tests.
//
// The loader runs before anything on the page can scroll. It (1) lets the app call Reprise.identify/track/... before
// the recorder has loaded (the calls are queued and replayed in order), (2) notes which elements scroll, so the
// recorder's first snapshot reads scroll offsets (and the selection) only where one can exist instead of forcing the
// page's layout to read every element's (recorder/pageWitness.ts; bench/recorder/RESULTS.md, issue #8), and (3) keeps
// the page's uncaught errors from before the recorder loaded, which the recorder then reports. Pasted pages keep this
// text for years while the recorder they load is updated: the shape below is a contract, versioned by `v`.

/**
 * What the loader heard happen before the recorder started (recorder/pageWitness.ts). Valid only when `head` is true:
 * it ran before <body> existed, so nothing could have scrolled or been selected unheard.
 */
export interface LoaderWitness {
  head: boolean;
  /** Elements a 'scroll' event reached (capture phase on window: every light-DOM element of the page). */
  scrolled: WeakSet<Element>;
  /** Whether any element is in `scrolled` (a WeakSet has no size). */
  anyScrolled: boolean;
  /** Whether the viewport scrolled (its 'scroll' events target the document). */
  viewportScrolled: boolean;
  /** Whether the document's selection changed ('selectionchange'). */
  selectionChanged: boolean;
  /** 'error' and 'unhandledrejection' events before the recorder took over (the first 20), as dispatched. */
  errors: Event[];
  /** The loader's listener for those: the recorder removes it once its own listeners are in place. */
  keep: (event: Event) => void;
}

export const LOADER_VERSION = 1;

/** The API calls the loader queues until the recorder is there. */
export const LOADER_QUEUED_METHODS = ['identify', 'track', 'setFlags', 'setAppVersion', 'stop'] as const;
export type LoaderQueuedMethod = (typeof LOADER_QUEUED_METHODS)[number];

/** window.Reprise as the loader leaves it. */
export interface LoaderStub {
  v: number;
  q: [LoaderQueuedMethod, unknown[]][];
  seen: LoaderWitness;
}
