// A one-page app on 127.0.0.1 for trigger and CI tests, and a recorded visit to it. Pages can be held back
// behind a gate to keep a run running while a test acts on it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedEvent } from '../../../protocol/index.js';

export interface TinyApp {
  origin: string;
  /** `METHOD /path` of every request received. */
  received: string[];
  /** While closed, page requests wait until `open()`. */
  closeGate(): void;
  openGate(): void;
  close(): Promise<void>;
}

const PAGE = '<!doctype html><html><head><title>Tiny</title></head><body><main><h1>Hello</h1><button>Buy</button></main></body></html>';

export async function startTinyApp(): Promise<TinyApp> {
  const received: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  let release = () => {};
  const server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    void gate.then(() => {
      response.writeHead(request.url === '/favicon.ico' ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(request.url === '/favicon.ico' ? '' : PAGE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    closeGate() {
      gate = new Promise((resolve) => (release = resolve));
    },
    openGate: () => release(),
    close: () =>
      new Promise((resolve) => {
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A recorded visit of the tiny app's page: a page load, its snapshot and a click. */
export function tinyVisit(origin: string, start = Date.now() - 60_000): RecordedEvent[] {
  const text = (id: number, textContent: string) => ({ type: 3, textContent, id });
  const element = (id: number, tagName: string, childNodes: unknown[]) => ({ type: 2, tagName, attributes: {}, childNodes, id });
  const html = element(2, 'html', [
    element(3, 'head', [element(4, 'title', [text(5, 'Tiny')])]),
    element(6, 'body', [element(7, 'main', [element(8, 'h1', [text(9, 'Hello')]), element(10, 'button', [text(11, 'Buy')])])]),
  ]);
  return [
    { type: 4, data: { href: `${origin}/`, width: 1024, height: 700 }, timestamp: start },
    { type: 2, data: { node: { type: 0, childNodes: [html], id: 1 }, initialOffset: { left: 0, top: 0 } }, timestamp: start + 5 },
    // A click on "Buy": run selection skips sessions that never acted on the page.
    { type: 3, data: { source: 2, type: 2, id: 10, x: 20, y: 60 }, timestamp: start + 500 },
  ] as RecordedEvent[];
}
