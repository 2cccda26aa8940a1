'use client';

import { useCallback, useEffect, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { getSocket } from '@/components/realtime/socket-client';
import type { PresenceMessage } from '@/server/contracts/events';
import type { PresenceView } from '@/server/contracts/views';

export type PresenceState = { isOnline: boolean; lastSeenAt: string | null };
export type Presence = {
  people: PresenceView[];
  stateOf: (userId: string) => PresenceState | undefined;
  /** False while the desk's own socket is down: dots may be stale then. */
  isLive: boolean;
};

const seenAt = (state: PresenceState | undefined) => (state?.lastSeenAt ? Date.parse(state.lastSeenAt) : 0);

/**
 * Who has a phone online: the page's snapshot, then `presence:changed` pushes, and a re-read on
 * every (re)connect of this desk. A re-read that left before a push may land after it, so a
 * snapshot only replaces a state it has newer news of (a later "last seen").
 */
export function usePresence(initial: PresenceView[]): Presence {
  const [people, setPeople] = useState(initial);
  const [states, setStates] = useState<ReadonlyMap<string, PresenceState>>(
    () => new Map(initial.map((person) => [person.userId, { isOnline: person.isOnline, lastSeenAt: person.lastSeenAt }])),
  );
  const [isLive, setIsLive] = useState(false);

  const refresh = useCallback(async () => {
    const result = await callApi<PresenceView[]>('/api/presence');
    if (!result.ok) return;
    setPeople(result.data);
    setStates((current) => {
      const next = new Map(current);
      for (const person of result.data) {
        const incoming = { isOnline: person.isOnline, lastSeenAt: person.lastSeenAt };
        const known = current.get(person.userId);
        if (!known || seenAt(incoming) > seenAt(known)) next.set(person.userId, incoming);
      }
      return next;
    });
  }, []);

  useEffect(() => {
    const socket = getSocket();
    const changed = (message: PresenceMessage) =>
      setStates((current) => {
        const known = current.get(message.userId);
        // A push is live news: it wins ties against a snapshot taken at the same moment.
        if (known && seenAt(message) < seenAt(known)) return current;
        return new Map(current).set(message.userId, { isOnline: message.isOnline, lastSeenAt: message.lastSeenAt });
      });
    const connected = () => {
      setIsLive(true);
      void refresh();
    };
    const disconnected = () => setIsLive(false);
    socket.on('presence:changed', changed);
    socket.on('connect', connected);
    socket.on('disconnect', disconnected);
    if (socket.connected) connected();
    return () => {
      socket.off('presence:changed', changed);
      socket.off('connect', connected);
      socket.off('disconnect', disconnected);
    };
  }, [refresh]);

  const stateOf = useCallback((userId: string) => states.get(userId), [states]);
  return { people, stateOf, isLive };
}
