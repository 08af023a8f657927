// Live updates over Socket.IO: one connection per dashboard, joined to the selected project's room.
import { io, type Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import type { RunSummary, ServerToClientEvents } from '../../protocol/api.js';

interface ClientToServerEvents {
  join: (projectId: string) => void;
}
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | undefined;
let joinedProject: string | undefined;

function connection(): LiveSocket {
  if (!socket) {
    socket = io({ path: '/socket.io', withCredentials: true });
    // Rooms are lost on reconnect: join again each time.
    socket.on('connect', () => {
      if (joinedProject) socket?.emit('join', joinedProject);
    });
  }
  return socket;
}

export function joinProject(projectId: string): void {
  joinedProject = projectId;
  const live = connection();
  if (live.connected) live.emit('join', projectId);
}

export function disconnectLive(): void {
  socket?.disconnect();
  socket = undefined;
  joinedProject = undefined;
}

export function useRunUpdates(onRun: (run: RunSummary) => void): void {
  useEffect(() => {
    const live = connection();
    live.on('run:updated', onRun);
    return () => {
      live.off('run:updated', onRun);
    };
  }, [onRun]);
}

export function useSessionIngested(onIngested: () => void): void {
  useEffect(() => {
    const live = connection();
    live.on('session:ingested', onIngested);
    return () => {
      live.off('session:ingested', onIngested);
    };
  }, [onIngested]);
}

/** Whether the live connection is up, for an honest "live" indicator. */
export function useLiveConnected(): boolean {
  const [connected, setConnected] = useState(() => connection().connected);
  useEffect(() => {
    const live = connection();
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    live.on('connect', up);
    live.on('disconnect', down);
    return () => {
      live.off('connect', up);
      live.off('disconnect', down);
    };
  }, []);
  return connected;
}
