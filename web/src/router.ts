// Hash routing: the server's SPA fallback is not needed for deep links, and links stay plain <a href="#/...">.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'runs' }
  | { name: 'run'; runId: string }
  | { name: 'sessionInRun'; runId: string; sessionId: string }
  | { name: 'sessions' }
  | { name: 'settings' }
  | { name: 'model' }
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0];
  const parts = path.split('/').filter(Boolean).map(decodeSafe);
  if (parts.length === 0) return { name: 'runs' };
  if (parts[0] === 'runs') {
    if (parts.length === 1) return { name: 'runs' };
    if (parts.length === 2) return { name: 'run', runId: parts[1] };
    if (parts.length === 4 && parts[2] === 'sessions') return { name: 'sessionInRun', runId: parts[1], sessionId: parts[3] };
  }
  if (parts[0] === 'sessions' && parts.length === 1) return { name: 'sessions' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'model' && parts.length === 1) return { name: 'model' };
  return { name: 'notFound', path };
}

export function hrefFor(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'runs':
      return '#/runs';
    case 'run':
      return `#/runs/${e(route.runId)}`;
    case 'sessionInRun':
      return `#/runs/${e(route.runId)}/sessions/${e(route.sessionId)}`;
    case 'sessions':
      return '#/sessions';
    case 'settings':
      return '#/settings';
    case 'model':
      return '#/model';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route).slice(1);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
