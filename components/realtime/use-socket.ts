'use client';

import { useEffect, useRef, useState } from 'react';
import type { ServerToClientEvents } from '@/server/contracts/events';
import { wasDisplaced } from './displaced-state';
import { getSocket, type AppSocket } from './socket-client';

type Handlers = Partial<{ [E in keyof ServerToClientEvents]: ServerToClientEvents[E] }>;

/**
 * Subscribes to server pushes for the lifetime of a component and reports connection state.
 * `onConnect` runs on every (re)connect: that is where a page re-reads its truth from the server.
 * Pushes with a `messageId` already seen are dropped, so redeliveries never double-apply, except
 * those that carry an ack: their handler must answer every copy.
 */
export function useSocket(handlers: Handlers, onConnect?: (socket: AppSocket) => void) {
  const [isConnected, setIsConnected] = useState(false);
  const handlersRef = useRef(handlers);
  const onConnectRef = useRef(onConnect);
  handlersRef.current = handlers;
  onConnectRef.current = onConnect;

  useEffect(() => {
    const socket = getSocket();
    const seen = new Set<string>();
    const connected = () => {
      setIsConnected(true);
      onConnectRef.current?.(socket);
    };
    const disconnected = () => setIsConnected(false);
    socket.on('connect', connected);
    socket.on('disconnect', disconnected);
    socket.io.on('reconnect_attempt', disconnected);

    const events = [
      'assignment:new',
      'assignment:updated',
      'incident:updated',
      'incident:lifted',
      'assignment:stood_down',
      'map:published',
      'presence:changed',
      'escalation:raised',
    ] as const;
    const listeners = events.map((event) => {
      const listener = (message: { messageId: string }, ...rest: unknown[]) => {
        // A push that asks for an answer always reaches its handler (which de-duplicates by itself):
        // the server re-sends until it hears back, and a dropped repeat would never be answered.
        const isAwaitingAnswer = typeof rest[0] === 'function';
        if (seen.has(message.messageId) && !isAwaitingAnswer) return;
        seen.add(message.messageId);
        (handlersRef.current[event] as ((m: unknown, ...r: unknown[]) => void) | undefined)?.(message, ...rest);
      };
      socket.on(event, listener as never);
      return [event, listener] as const;
    });

    if (socket.connected) connected();
    else if (!wasDisplaced()) socket.connect();

    return () => {
      socket.off('connect', connected);
      socket.off('disconnect', disconnected);
      socket.io.off('reconnect_attempt', disconnected);
      for (const [event, listener] of listeners) socket.off(event, listener as never);
    };
  }, []);

  return { isConnected };
}
