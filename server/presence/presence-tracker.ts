// Who is connected right now, per user, on this node. In memory on purpose: presence is a fact
// about live connections, not something to restore after a restart. With several nodes behind a
// Redis adapter, a Redis-backed tracker with the same shape replaces this one (setPresence).

export type PresenceState = { isOnline: boolean; lastSeenAt: Date | null };

export type PresenceTracker = {
  /** Counts a new connection; true when the user was offline until now (a transition). */
  connected(userId: string, at: Date): boolean;
  /** Counts a closed connection; true when it was the user's last one (a transition). */
  disconnected(userId: string, at: Date, options?: { isSilent?: boolean }): boolean;
  /** Any sign of life (a pong, an event) from one of the user's connections. */
  seen(userId: string, at: Date): void;
  state(userId: string): PresenceState;
  isOnline(userId: string): boolean;
  onlineUserIds(): string[];
};

type Entry = { connections: number; lastSeenAt: Date | null };

export function createPresenceTracker(): PresenceTracker {
  const entries = new Map<string, Entry>();
  const entry = (userId: string) => {
    let found = entries.get(userId);
    if (!found) {
      found = { connections: 0, lastSeenAt: null };
      entries.set(userId, found);
    }
    return found;
  };

  return {
    connected(userId, at) {
      const current = entry(userId);
      current.connections += 1;
      current.lastSeenAt = at;
      return current.connections === 1;
    },
    disconnected(userId, at, options = {}) {
      const current = entries.get(userId);
      if (!current || current.connections === 0) return false;
      current.connections -= 1;
      // A connection that died silently was last seen at its last pong, not when we gave up on it.
      if (!options.isSilent) current.lastSeenAt = at;
      return current.connections === 0;
    },
    seen(userId, at) {
      const current = entries.get(userId);
      if (current && current.connections > 0) current.lastSeenAt = at;
    },
    state(userId) {
      const current = entries.get(userId);
      return { isOnline: (current?.connections ?? 0) > 0, lastSeenAt: current?.lastSeenAt ?? null };
    },
    isOnline(userId) {
      return (entries.get(userId)?.connections ?? 0) > 0;
    },
    onlineUserIds() {
      return [...entries].flatMap(([userId, current]) => (current.connections > 0 ? [userId] : []));
    },
  };
}

// One tracker per process, shared by the custom server and Next's bundled route handlers.
const globalForPresence = globalThis as unknown as { ecodispatchPresence?: PresenceTracker };

export function setPresence(tracker: PresenceTracker | undefined): void {
  globalForPresence.ecodispatchPresence = tracker;
}

/** The process's tracker; an empty one when no realtime server runs (scripts: nobody is online). */
export function getPresence(): PresenceTracker {
  globalForPresence.ecodispatchPresence ??= createPresenceTracker();
  return globalForPresence.ecodispatchPresence;
}
