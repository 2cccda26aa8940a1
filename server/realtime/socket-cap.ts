/**
 * How many live sockets one person may hold on this node: a phone plus a few desktop tabs is
 * normal; a hundred is a script. Past the cap the OLDEST is let go (told why, then disconnected):
 * the page the person just opened is the one they are looking at. With several nodes the count
 * is per node (a person's tabs usually share one, as the balancer hashes on the session cookie).
 */
export const MAX_SOCKETS_PER_USER = 5;

type Closable = { id: string };

export function createSocketCap<S extends Closable>(max = MAX_SOCKETS_PER_USER) {
  const byUser = new Map<string, S[]>();
  return {
    /** Adds a new socket; returns the ones that now exceed the cap, oldest first, for the caller to close. */
    admit(userId: string, socket: S): S[] {
      const held = [...(byUser.get(userId) ?? []), socket];
      const excess = held.length > max ? held.slice(0, held.length - max) : [];
      byUser.set(userId, held.slice(excess.length));
      return excess;
    },
    release(userId: string, socket: S): void {
      const held = byUser.get(userId)?.filter((candidate) => candidate.id !== socket.id) ?? [];
      if (held.length === 0) byUser.delete(userId);
      else byUser.set(userId, held);
    },
    count: (userId: string) => byUser.get(userId)?.length ?? 0,
  };
}
