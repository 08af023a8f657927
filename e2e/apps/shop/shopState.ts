// In-memory state of one shop server: sessions (keyed by the session cookie), their carts, and orders. Ids come from
// counters, not randomness, so two fresh servers replaying the same session hand out the same ids.
import { findProduct, type Product } from './catalogue.js';

export interface CartLine {
  productId: number;
  quantity: number;
}

export interface Session {
  id: string;
  /** Set after a successful login; guests have none. */
  email?: string;
  cart: CartLine[];
}

export interface CheckoutDetails {
  name: string;
  email: string;
  address: string;
  city: string;
  postcode: string;
}

export interface OrderLine {
  productId: number;
  name: string;
  quantity: number;
  unitPricePence: number;
}

export interface Order {
  id: number;
  sessionId: string;
  customer: CheckoutDetails;
  /** Only the last four digits are kept; the full number and the CVC are never stored. */
  cardLast4: string;
  lines: OrderLine[];
  totalPence: number;
}

export const MAX_QUANTITY_PER_LINE = 10;
const FIRST_ORDER_ID = 1001;

export class ShopState {
  private readonly sessions = new Map<string, Session>();
  private readonly orders = new Map<number, Order>();
  private sessionCounter = 0;
  private nextOrderId = FIRST_ORDER_ID;

  session(id: string | undefined): Session | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  createSession(): Session {
    this.sessionCounter += 1;
    const session: Session = { id: `sess-${String(this.sessionCounter).padStart(6, '0')}`, cart: [] };
    this.sessions.set(session.id, session);
    return session;
  }

  addToCart(session: Session, product: Product, quantity: number): void {
    const line = session.cart.find((entry) => entry.productId === product.id);
    if (line) line.quantity = Math.min(MAX_QUANTITY_PER_LINE, line.quantity + quantity);
    else session.cart.push({ productId: product.id, quantity: Math.min(MAX_QUANTITY_PER_LINE, quantity) });
  }

  removeFromCart(session: Session, productId: number): void {
    session.cart = session.cart.filter((entry) => entry.productId !== productId);
  }

  placeOrder(session: Session, customer: CheckoutDetails, cardLast4: string): Order {
    const lines = cartLines(session);
    const order: Order = {
      id: this.nextOrderId++,
      sessionId: session.id,
      customer,
      cardLast4,
      lines,
      totalPence: lines.reduce((sum, line) => sum + line.unitPricePence * line.quantity, 0),
    };
    this.orders.set(order.id, order);
    session.cart = [];
    return order;
  }

  order(id: number): Order | undefined {
    return this.orders.get(id);
  }
}

export function cartLines(session: Session): OrderLine[] {
  return session.cart.flatMap((entry) => {
    const product = findProduct(entry.productId);
    return product
      ? [{ productId: product.id, name: product.name, quantity: entry.quantity, unitPricePence: product.pricePence }]
      : [];
  });
}

export function cartCount(session: Session | undefined): number {
  return session ? session.cart.reduce((sum, line) => sum + line.quantity, 0) : 0;
}
