'use client';

import { io, type Socket } from 'socket.io-client';
import type { AckResult, ClientToServerEvents, ServerToClientEvents } from '@/server/contracts/events';
import { rememberAssignmentPushes } from './assignment-cache';
import { onReconnectRequested, setDisplaced } from './displaced-state';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;

/** One socket per tab, same origin; the session cookie authenticates it. */
export function getSocket(): AppSocket {
  if (socket) return socket;
  socket = io({
    withCredentials: true,
    // Keep trying for ever: a phone in a tunnel must come back on its own.
    reconnectionDelayMax: 5_000,
  });
  // The server closes the oldest of a person's sockets past its cap; this page then stays quiet
  // until the person asks to reconnect here (components/realtime/displaced-notice.tsx).
  socket.on('session:displaced', () => setDisplaced(true));
  rememberAssignmentPushes(socket);
  onReconnectRequested(() => socket?.connect());
  return socket;
}

/** Emits and waits for the server's ack; a lost network becomes an error result, never a hang. */
export async function emitWithAck<T>(event: keyof ClientToServerEvents, payload: unknown, timeoutMs = 8_000): Promise<AckResult<T>> {
  const target = getSocket();
  try {
    const timed = target.timeout(timeoutMs);
    // Bound: emitWithAck reads `this`, so calling it detached always threw (and looked like a timeout).
    const emit = timed.emitWithAck.bind(timed) as (event: string, payload: unknown) => Promise<AckResult<T>>;
    return await emit(event, payload);
  } catch {
    return { ok: false, error: { code: 'timeout', message: '' } };
  }
}

/** Whether the live line is up right now; while it is down, the phone queues instead of sending. */
export const isSocketConnected = () => getSocket().connected;
