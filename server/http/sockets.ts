// Socket.IO for live dashboard updates: authenticated like HTTP (cookie or token), one room per project.
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import type { ServerToClientEvents } from '../../protocol/index.js';
import { canAccessProject, resolvePrincipal, type Principal } from '../auth/index.js';
import type { Store } from '../store/index.js';

interface ClientToServerEvents {
  join: (projectId: string, ack?: (reply: { ok: true } | { ok: false; error: string }) => void) => void;
}

export function attachSockets(httpServer: HttpServer, store: Store, logger: Logger): SocketServer {
  const io = new SocketServer<ClientToServerEvents, ServerToClientEvents>(httpServer, { serveClient: false });
  io.use(async (socket, next) => {
    try {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      const principal = await resolvePrincipal(store, {
        authorization: token ? `Bearer ${token}` : undefined,
        cookie: socket.handshake.headers.cookie,
      });
      if (!principal) return next(new Error('Unauthenticated: sign in, or pass {auth: {token}} when connecting.'));
      socket.data.principal = principal;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error(String(error)));
    }
  });
  io.on('connection', (socket) => {
    socket.on('join', async (projectId, ack) => {
      const principal = socket.data.principal as Principal;
      const project = typeof projectId === 'string' ? await store.getProject(projectId).catch(() => undefined) : undefined;
      if (!project || !canAccessProject(principal, project.id)) {
        ack?.({ ok: false, error: `Cannot join project "${projectId}": it does not exist or this principal may not reach it.` });
        return;
      }
      await socket.join(`project:${project.id}`);
      ack?.({ ok: true });
    });
  });
  io.engine.on('connection_error', (error: { message: string }) => logger.debug({ error: error.message }, 'socket connection refused'));
  return io as unknown as SocketServer;
}
