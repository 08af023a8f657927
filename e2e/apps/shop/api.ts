// The shop's JSON API. Handlers validate input with zod, call ShopState, and answer; the session comes from the
// cookie middleware in server.ts via res.locals.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { findProduct, searchProducts } from './catalogue.js';
import { cardDigits, CHECKOUT_FIELDS, validateCheckout } from './checkoutValidation.js';
import { DEMO_PASSWORD } from './pages/index.js';
import { cartCount, cartLines, MAX_QUANTITY_PER_LINE, type Order, type Session, type ShopState } from './shopState.js';
import type { ShopVariantPatch } from './variants/index.js';

const LoginBody = z.object({ email: z.string().trim().min(3), password: z.string() });
const AddToCartBody = z.object({
  productId: z.coerce.number().int().positive(),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY_PER_LINE).default(1),
});
const OrderBody = z.object(Object.fromEntries(CHECKOUT_FIELDS.map((field) => [field, z.string().default('')])) as {
  [Field in (typeof CHECKOUT_FIELDS)[number]]: z.ZodDefault<z.ZodString>;
});

function sessionOf(res: Response): Session {
  return res.locals.session as Session;
}

function cartJson(session: Session) {
  return { count: cartCount(session), items: cartLines(session) };
}

function orderJson(order: Order) {
  const { sessionId: _sessionId, ...visible } = order;
  return visible;
}

function badRequest(res: Response, issues: z.ZodError): void {
  res.status(400).json({ error: 'Invalid request', issues: issues.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
}

export function shopApi(state: ShopState, patch: ShopVariantPatch): express.Router {
  const api = express.Router();

  api.post('/login', (req: Request, res: Response) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return badRequest(res, body.error);
    if (body.data.password !== DEMO_PASSWORD) {
      res.status(401).json({ error: 'Email or password is incorrect.' });
      return;
    }
    sessionOf(res).email = body.data.email;
    res.json({ email: body.data.email });
  });

  api.post('/logout', (_req: Request, res: Response) => {
    delete sessionOf(res).email;
    res.json({ ok: true });
  });

  api.get('/products', (req: Request, res: Response) => {
    const query = typeof req.query.q === 'string' ? req.query.q : '';
    const category = typeof req.query.category === 'string' ? req.query.category : '';
    const products = searchProducts(query, category || undefined).map(({ reviews: _reviews, ...product }) => product);
    res.json({ products });
  });

  api.get('/products/:id', (req: Request, res: Response) => {
    const product = findProduct(Number(req.params.id));
    if (!product) {
      res.status(404).json({ error: `No product with id ${req.params.id}.` });
      return;
    }
    res.json({ product });
  });

  api.get('/cart', (_req: Request, res: Response) => {
    res.json(cartJson(sessionOf(res)));
  });

  api.post('/cart', (req: Request, res: Response) => {
    const body = AddToCartBody.safeParse(req.body);
    if (!body.success) return badRequest(res, body.error);
    const product = findProduct(body.data.productId);
    if (!product) {
      res.status(404).json({ error: `No product with id ${body.data.productId}.` });
      return;
    }
    state.addToCart(sessionOf(res), product, body.data.quantity);
    res.status(201).json(cartJson(sessionOf(res)));
  });

  api.delete('/cart/:productId', (req: Request, res: Response) => {
    state.removeFromCart(sessionOf(res), Number(req.params.productId));
    res.json(cartJson(sessionOf(res)));
  });

  api.post('/orders', (req: Request, res: Response) => {
    const body = OrderBody.safeParse(req.body ?? {});
    if (!body.success) return badRequest(res, body.error);
    const session = sessionOf(res);
    if (!session.cart.length) {
      res.status(409).json({ error: 'Your cart is empty: add a product before placing an order.' });
      return;
    }
    const fields = validateCheckout(body.data);
    if (Object.keys(fields).length) {
      res.status(400).json({ error: 'Some details need correcting.', fields });
      return;
    }
    const { name, email, address, city, postcode } = body.data;
    const details = { name: name.trim(), email: email.trim(), address: address.trim(), city: city.trim(), postcode: postcode.trim() };
    patch.beforePlaceOrder?.(details);
    const order = state.placeOrder(session, details, cardDigits(body.data.cardNumber).slice(-4));
    res.status(201).json({ order: orderJson(order) });
  });

  api.get('/orders/:id', (req: Request, res: Response) => {
    const order = state.order(Number(req.params.id));
    if (!order || order.sessionId !== sessionOf(res).id) {
      res.status(404).json({ error: `No order ${req.params.id} in this session.` });
      return;
    }
    res.json({ order: orderJson(order) });
  });

  api.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No API route ${req.method} ${req.originalUrl}.` });
  });

  return api;
}
