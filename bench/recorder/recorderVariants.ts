// The three ways each page is loaded: no recorder, bare rrweb record() with its defaults, and Reprise's script tag.
// Both recorders are deferred scripts in <head>, so they start at the same point of the page's life; Reprise's
// documented install adds its inline loader before its tag.
import { recorderInstallHtml } from '../../protocol/loaderSnippet.js';
import type { BuiltBundle } from './bundles.js';

export const VARIANTS = ['no recorder', 'bare rrweb', 'reprise'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Bare rrweb keeps its events in memory and posts them nowhere. */
const BARE_START = 'window.__rrwebEvents = []; window.rrwebRecord({ emit: function (event) { window.__rrwebEvents.push(event); } });';

export function benchScripts(reprise: BuiltBundle, bare: BuiltBundle): Record<string, string> {
  return { '/recorder.js': reprise.source, '/rrweb-record.js': bare.source, '/rrweb-start.js': BARE_START };
}

export function recorderTags(variant: string, query: URLSearchParams, ingestOrigin: string): string {
  if (variant === 'bare rrweb') {
    return `<script src="${ingestOrigin}/rrweb-record.js" defer></script><script src="${ingestOrigin}/rrweb-start.js" defer></script>`;
  }
  if (variant === 'reprise') {
    // The documented install: the inline loader, then the deferred tag.
    const key = query.get('key') || 'bench';
    return recorderInstallHtml({ scriptUrl: `${ingestOrigin}/recorder.js`, projectKey: key, attributes: { 'data-endpoint': ingestOrigin } });
  }
  return '';
}
