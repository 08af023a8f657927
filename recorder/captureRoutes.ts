// SPA navigations ('reprise.route'): rrweb does not see pushState at all.
import type { RouteChange } from '../protocol/customEvents.js';
import { guard } from './guard.js';

export function captureRoutes(emitRoute: (route: RouteChange) => void): () => void {
  const emit = guard('record route', (kind: RouteChange['kind']) => emitRoute({ kind, url: location.href }));
  const originals = { pushState: history.pushState, replaceState: history.replaceState };
  for (const kind of ['pushState', 'replaceState'] as const) {
    const original = originals[kind];
    history[kind] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      emit(kind);
      return result;
    };
  }
  const onPopState = () => emit('popstate');
  const onHashChange = () => emit('hashchange');
  addEventListener('popstate', onPopState);
  addEventListener('hashchange', onHashChange);
  emit('load');
  return () => {
    // Only restore when nobody wrapped ours since; otherwise their wrapper keeps calling ours, which is harmless.
    if (history.pushState !== originals.pushState) history.pushState = originals.pushState;
    if (history.replaceState !== originals.replaceState) history.replaceState = originals.replaceState;
    removeEventListener('popstate', onPopState);
    removeEventListener('hashchange', onHashChange);
  };
}
