// Wording of a predicted ticket: title, expected vs observed, from a divergence's evidence.
import type { Divergence } from '../../protocol/index.js';

/** "Checkout: clicking 'Place order' fails — POST /api/orders returns 500" */
export function ticketTitle(d: Divergence): string {
  const evidence = d.evidence ?? {};
  const area = areaName(String(evidence.routeBefore ?? evidence.route ?? ''));
  const action = String(evidence.action ?? `step ${d.step + 1}`);
  return `${area}: ${action} ${problemPhrase(d)}`;
}

function problemPhrase(d: Divergence): string {
  const evidence = d.evidence ?? {};
  const request = `${evidence.method ?? ''} ${evidence.path ?? ''}`.trim();
  switch (d.kind) {
    case 'request-failed':
    case 'request-added':
      return `fails — ${request} ${Number(evidence.status) === 0 ? 'gets no response' : `returns ${evidence.status}`}`;
    case 'status-changed':
      return `— ${request} returns ${evidence.status} instead of ${evidence.baselineStatus}`;
    case 'request-missing':
      return `no longer calls ${request}`;
    case 'payload-changed':
      return `— ${request} response changed shape`;
    case 'action-failed':
      return `fails — ${d.element ?? 'the element'} ${String(evidence.outcome ?? 'failed').replace(/-/g, ' ')}`;
    case 'navigation-changed':
      return evidence.stayed ? `does not go to ${evidence.expectedRoute}` : `goes to ${evidence.observedRoute} instead of ${evidence.expectedRoute}`;
    case 'page-error':
      return `throws ${String(evidence.message ?? 'an error')}`;
    case 'console-error':
      return `logs an error: ${String(evidence.message ?? '')}`;
    case 'element-missing':
      return `— ${String(evidence.missing ?? d.element ?? 'elements').split('; ').slice(0, 2).join(', ')} missing`;
    case 'slower':
      return 'is much slower';
    default:
      return `— ${d.summary.charAt(0).toLowerCase()}${d.summary.slice(1)}`;
  }
}

export function expectedOf(d: Divergence): string {
  const evidence = d.evidence ?? {};
  const request = `${evidence.method ?? ''} ${evidence.path ?? ''}`.trim();
  switch (d.kind) {
    case 'request-failed':
    case 'status-changed':
    case 'payload-changed':
      return `${request} returns ${evidence.baselineStatus ?? 'a success status'} as on the baseline`;
    case 'request-added':
      return `${request} is not called`;
    case 'request-missing':
      return `${request} is called`;
    case 'navigation-changed':
      return `The page goes to ${evidence.expectedRoute}`;
    case 'action-failed':
      return `${capitalize(String(evidence.action ?? 'the step'))} works as on the baseline`;
    case 'page-error':
    case 'console-error':
      return 'No error';
    case 'element-missing':
      return `${evidence.missing ?? d.element} ${String(evidence.missing ?? '').includes(';') ? 'are' : 'is'} shown`;
    default:
      return 'The page behaves as on the baseline';
  }
}

/** Route's first meaningful segment as a name: `/checkout/payment` -> "Checkout", `/` -> "Home". */
export function areaName(route: string): string {
  const segment = route.split('?')[0].split('/').find((part) => part && !part.startsWith(':'));
  if (!segment) return 'Home';
  const words = segment.replace(/[-_]+/g, ' ');
  return capitalize(words);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
