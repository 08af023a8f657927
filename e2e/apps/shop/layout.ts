// The page shell shared by every page: head (with the recorder tag when one is configured), header nav, footer.
import { recorderInstallHtml } from '../../../protocol/loaderSnippet.js';
import { escapeHtml } from './html.js';
import { cartCount, type Session } from './shopState.js';
import type { NavItem, ShopMarkup } from './variants/index.js';

export interface RecorderTag {
  scriptUrl: string;
  projectKey: string;
}

export interface PageContext {
  session: Session | undefined;
  markup: ShopMarkup;
  recorder?: RecorderTag;
  /** Injected so tests can pin it; the footer clock is the shop's one deliberately volatile element. */
  now: () => Date;
}

export interface PageContent {
  title: string;
  main: string;
  /** Page script under /static/, loaded after common.js. */
  script?: string;
}

export const SHOP_NAME = 'Hearth & Home';

function navItem(item: NavItem, context: PageContext): string {
  switch (item) {
    case 'catalogue':
      return `<a class="nav-link" href="/catalogue">Catalogue</a>`;
    case 'cart':
      return `<a class="nav-link" href="/cart" data-testid="cart-link">Cart (<span data-testid="cart-count">${cartCount(context.session)}</span>)</a>`;
    case 'account':
      return context.session?.email
        ? `<span class="nav-user">${escapeHtml(context.session.email)}</span><button type="button" class="nav-link nav-button" data-action="logout">Log out</button>`
        : `<a class="nav-link" href="/login">Log in</a>`;
  }
}

function header(context: PageContext): string {
  const items = context.markup.navOrder.map((item) => navItem(item, context)).join('');
  return `<header class="site-header"><a class="brand" href="/catalogue">${escapeHtml(SHOP_NAME)}</a><nav class="site-nav" aria-label="Main">${items}</nav></header>`;
}

function footer(context: PageContext): string {
  const time = context.now().toTimeString().slice(0, 8);
  return `<footer class="site-footer"><p>${escapeHtml(SHOP_NAME)} · demo shop</p><p class="price-clock">Prices updated at <time>${time}</time></p></footer>`;
}

export function renderPage(context: PageContext, content: PageContent): string {
  // The recorder's documented install: the inline loader, then the deferred tag.
  const recorderTag = context.recorder ? recorderInstallHtml(context.recorder) : '';
  const pageScript = content.script ? `<script src="/static/${content.script}" defer></script>` : '';
  const main = `<main class="page" id="main">${content.main}</main>`;
  const body = context.markup.footerBeforeMain
    ? `${header(context)}${footer(context)}${main}`
    : `${header(context)}${main}${footer(context)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)} · ${escapeHtml(SHOP_NAME)}</title>
${recorderTag}
<link rel="stylesheet" href="/static/shop.css">
<script src="/static/common.js" defer></script>
${pageScript}
</head>
<body>
${body}
</body>
</html>`;
}
