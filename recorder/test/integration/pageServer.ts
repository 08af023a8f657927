// Test helper (not a test): an HTTP server on 127.0.0.1 with an ephemeral port, for tests that serve their own pages.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(handler: RequestListener): Promise<PageServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      // Chromium keeps connections alive: without this, close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
