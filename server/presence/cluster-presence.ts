import type { PresenceState, PresenceTracker } from './presence-tracker';

// Who is online across several app nodes. Each node counts its own connections (the local
// tracker) and tells the others over the cluster bus (Socket.IO's serverSideEmit through the Redis
// adapter): a change when one of its users comes or goes, and every SNAPSHOT_MS the whole list,
// which doubles as the node's heartbeat. A node that stops sending (killed, cut off) is forgotten
// after NODE_EXPIRY_MS, and the people who were online only there are reported as lost, so the
// board does not show a phone as reachable through a node that no longer exists. If such a node
// speaks again (Redis was away, not the node), the people it still holds are reported as found.
// Presence stays out of the database on purpose: it is a fact about live connections.

export const SNAPSHOT_MS = 5_000;
export const NODE_EXPIRY_MS = 3 * SNAPSHOT_MS;

export type PresenceBusMessage =
  | { kind: 'hello'; node: string }
  | { kind: 'snapshot'; node: string; online: Array<[userId: string, lastSeenAtMs: number | null]> }
  | { kind: 'change'; node: string; userId: string; isOnline: boolean; lastSeenAtMs: number | null };

/** How nodes talk to each other; in production Socket.IO's serverSideEmit (server/realtime/cluster-adapter.ts). */
export type PresenceBus = {
  publish(message: PresenceBusMessage): void;
  subscribe(handler: (message: PresenceBusMessage) => void): void;
};

type RemoteNode = { heardAt: number; online: Map<string, Date | null> };

export type ClusterPresence = PresenceTracker & {
  /** Sends this node's list now (also done every SNAPSHOT_MS) and forgets silent nodes. */
  tick(): void;
  stop(): void;
};

export function createClusterPresence({
  node,
  local,
  bus,
  onReachability,
  now = () => Date.now(),
}: {
  /** This node's id, unique in the deployment. */
  node: string;
  local: PresenceTracker;
  bus: PresenceBus;
  /**
   * People whose reachability changed without a connection of theirs coming or going: lost with a
   * node that went silent, found again when it speaks. The caller tells the board.
   */
  onReachability: (userIds: string[], isOnline: boolean) => void;
  now?: () => number;
}): ClusterPresence {
  const remotes = new Map<string, RemoteNode>();
  const silentNodes = new Set<string>();
  // When a person left another node, for "last seen" on the board.
  const lastSeenElsewhere = new Map<string, Date>();

  const remoteFor = (id: string) => {
    let remote = remotes.get(id);
    if (!remote) {
      remote = { heardAt: now(), online: new Map() };
      remotes.set(id, remote);
    }
    remote.heardAt = now();
    return remote;
  };
  const isOnlineElsewhere = (userId: string) => [...remotes.values()].some((remote) => remote.online.has(userId));
  const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));
  const snapshot = (): PresenceBusMessage => ({
    kind: 'snapshot',
    node,
    online: local.onlineUserIds().map((userId) => [userId, local.state(userId).lastSeenAt?.getTime() ?? null]),
  });

  bus.subscribe((message) => {
    if (message.node === node) return;
    if (message.kind === 'hello') {
      remoteFor(message.node);
      bus.publish(snapshot());
    } else if (message.kind === 'snapshot') {
      const wasSilent = silentNodes.delete(message.node);
      const found = wasSilent
        ? message.online.map(([userId]) => userId).filter((userId) => !local.isOnline(userId) && !isOnlineElsewhere(userId))
        : [];
      remoteFor(message.node).online = new Map(message.online.map(([userId, seen]) => [userId, toDate(seen)]));
      if (found.length > 0) onReachability(found, true);
    } else {
      const remote = remoteFor(message.node);
      if (message.isOnline) remote.online.set(message.userId, toDate(message.lastSeenAtMs));
      else {
        remote.online.delete(message.userId);
        if (message.lastSeenAtMs !== null) lastSeenElsewhere.set(message.userId, new Date(message.lastSeenAtMs));
      }
    }
  });

  function tick() {
    const silent = [...remotes].filter(([, remote]) => now() - remote.heardAt > NODE_EXPIRY_MS);
    for (const [id] of silent) {
      remotes.delete(id);
      silentNodes.add(id);
    }
    const lost = new Set(silent.flatMap(([, remote]) => [...remote.online.keys()]));
    const offline = [...lost].filter((userId) => !local.isOnline(userId) && !isOnlineElsewhere(userId));
    if (offline.length > 0) onReachability(offline, false);
    bus.publish(snapshot());
  }

  bus.publish({ kind: 'hello', node });
  const timer = setInterval(tick, SNAPSHOT_MS);
  timer.unref();

  const latest = (dates: Array<Date | null | undefined>) =>
    dates.reduce<Date | null>((best, date) => (date && (!best || date > best) ? date : best), null);

  return {
    connected(userId, at) {
      const isFirstHere = local.connected(userId, at);
      if (isFirstHere) bus.publish({ kind: 'change', node, userId, isOnline: true, lastSeenAtMs: at.getTime() });
      return isFirstHere && !isOnlineElsewhere(userId);
    },
    disconnected(userId, at, options) {
      const isLastHere = local.disconnected(userId, at, options);
      if (isLastHere) {
        const lastSeenAtMs = local.state(userId).lastSeenAt?.getTime() ?? null;
        bus.publish({ kind: 'change', node, userId, isOnline: false, lastSeenAtMs });
      }
      return isLastHere && !isOnlineElsewhere(userId);
    },
    seen: (userId, at) => local.seen(userId, at),
    state(userId): PresenceState {
      const here = local.state(userId);
      const elsewhere = [...remotes.values()].filter((remote) => remote.online.has(userId)).map((remote) => remote.online.get(userId));
      if (here.isOnline || elsewhere.length === 0) {
        return here.isOnline ? here : { isOnline: false, lastSeenAt: latest([here.lastSeenAt, lastSeenElsewhere.get(userId)]) };
      }
      return { isOnline: true, lastSeenAt: latest(elsewhere) };
    },
    isOnline: (userId) => local.isOnline(userId) || isOnlineElsewhere(userId),
    onlineUserIds() {
      const all = new Set(local.onlineUserIds());
      for (const remote of remotes.values()) for (const userId of remote.online.keys()) all.add(userId);
      return [...all];
    },
    tick,
    stop: () => clearInterval(timer),
  };
}
