// The demo shop: server-rendered pages, a JSON API and per-page scripts, started as one variant.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { shopApi } from './api.js';
import { findProduct, searchProducts } from './catalogue.js';
import { renameClassesInMarkup } from './classNames.js';
import { renderPage, type PageContent, type PageContext, type RecorderTag } from './layout.js';
import { cartPage, cataloguePage, checkoutPage, confirmationPage, loginPage, notFoundPage, productPage } from './pages/index.js';
import { cartLines, ShopState, type Session } from './shopState.js';
import { loadStaticAssets } from './staticAssets.js';
import { BASELINE_MARKUP, shopVariantDefinition, type ShopVariant } from './variants/index.js';

export interface StartShopOptions {
  variant: ShopVariant;
  /** 0 (the default) picks a free port. */
  port?: number;
  recorder?: RecorderTag;
  /** Clock for the footer's "Prices updated at"; defaults to the real time. */
  now?: () => Date;
}

export interface RunningShop {
  url: string;
  variant: ShopVariant;
  close(): Promise<void>;
}

export const SESSION_COOKIE = 'shop_session';

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function createShopApp(options: StartShopOptions): express.Express {
  const { patch } = shopVariantDefinition(options.variant);
  const assets = loadStaticAssets(patch);
  const markup = { ...BASELINE_MARKUP, ...patch.markup };
  const state = new ShopState();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/static/:file', (req: Request, res: Response) => {
    const asset = assets.get(String(req.params.file));
    if (!asset) {
      res.status(404).type('text/plain').send(`No static file ${req.params.file}.`);
      return;
    }
    res.type(asset.contentType).set('Cache-Control', 'no-store').send(asset.body);
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    let session = state.session(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!session) {
      session = state.createSession();
      res.cookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'lax', path: '/' });
    }
    res.locals.session = session;
    next();
  });

  app.use('/api', express.json(), shopApi(state, patch));

  const send = (res: Response, content: PageContent, status = 200) => {
    const context: PageContext = {
      session: res.locals.session as Session,
      markup,
      recorder: options.recorder,
      now: options.now ?? (() => new Date()),
    };
    const html = renderPage(context, content);
    res
      .status(status)
      .type('text/html; charset=utf-8')
      .set('Cache-Control', 'no-store')
      .send(patch.renameClass ? renameClassesInMarkup(html, patch.renameClass) : html);
  };
  const session = (res: Response) => res.locals.session as Session;

  app.get('/', (_req, res) => res.redirect('/catalogue'));
  app.get('/login', (_req, res) => send(res, loginPage()));
  app.get('/catalogue', (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q : '';
    const category = typeof req.query.category === 'string' ? req.query.category : '';
    const products = searchProducts(query, category || undefined);
    send(res, cataloguePage({ products, query, category, cardOrder: markup.productCardOrder }));
  });
  app.get('/product/:id', (req, res) => {
    const product = findProduct(Number(req.params.id));
    if (product) send(res, productPage(product));
    else send(res, notFoundPage(`There is no product ${req.params.id}.`), 404);
  });
  app.get('/cart', (_req, res) => send(res, cartPage(cartLines(session(res)))));
  app.get('/checkout', (_req, res) => send(res, checkoutPage(cartLines(session(res)), session(res).email)));
  app.get('/orders/:id/confirmation', (req, res) => {
    const order = state.order(Number(req.params.id));
    if (order && order.sessionId === session(res).id) send(res, confirmationPage(order));
    else send(res, notFoundPage(`There is no order ${req.params.id} in this browser session.`), 404);
  });
  app.use((req, res) => send(res, notFoundPage(`Nothing lives at ${req.path}.`), 404));

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const message = error instanceof Error ? error.message : String(error);
    if (req.path.startsWith('/api/')) res.status(500).json({ error: 'Internal Server Error' });
    else res.status(500).type('text/plain').send('Internal Server Error');
    if (process.env.SHOP_LOG_ERRORS) console.error(`[shop] ${req.method} ${req.originalUrl} failed: ${message}`);
  });
  return app;
}

export async function startShop(options: StartShopOptions): Promise<RunningShop> {
  const app = createShopApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    variant: options.variant,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
