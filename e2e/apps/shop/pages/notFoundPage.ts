import { escapeHtml } from '../html.js';
import type { PageContent } from '../layout.js';

export function notFoundPage(what: string): PageContent {
  return {
    title: 'Not found',
    main: `<section class="panel"><h1>Page not found</h1><p>${escapeHtml(what)}</p><p><a href="/catalogue">Back to the catalogue</a></p></section>`,
  };
}
