import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { PresenceBus, PresenceBusMessage } from '../presence/cluster-presence';
import type { CardRelay, RelayedCard } from './emitter';
import { withTurnsHeld } from './run-in-turn';
import { log } from '../log/logger';

// Several app nodes behind one load balancer: Socket.IO's Redis adapter forwards every room
// broadcast (a role card, a board update, a receipt's ack) to the other nodes over Redis pub/sub,
// so a dispatch triggered on node A reaches a phone connected to node B. Verbs and the emitter
// do not change: they emit to rooms as before (server/realtime/emitter.ts).
//
// Redis is a relay, not a store: the database stays the source of truth. While Redis is away,
// each node still reaches its own sockets; what was published meanwhile waits in the client's
// offline queue and goes out when Redis is back (maxRetriesPerRequest: null keeps it instead of
// failing it after 20 retries), and phones re-read their cards from the database on every
// reconnect anyway (docs/architecture.md, "Several nodes").

/** Prefix of the pub/sub channels; one Redis can serve several deployments with different keys. */
const CHANNEL_KEY = 'ecodispatch';
// How long a node waits for the others to answer a cluster-wide request (fetchSockets, serverSideEmit).
const REQUESTS_TIMEOUT_MS = 5_000;

export type ClusterAdapter = { close(): void };

/**
 * A Redis connection that survives Redis going away: an unhandled 'error' event would crash the
 * process, and a Redis outage must not stop dispatch on this node. ioredis keeps reconnecting on
 * its own; this logs once per outage, not once per retry. `queueWhileDown` keeps commands until
 * Redis is back (the adapter's publishes); without it they fail at once (the login throttle then
 * counts on this node alone).
 */
export function connectRedis(url: string, name: string, { queueWhileDown }: { queueWhileDown: boolean }): Redis {
  const client = new Redis(url, {
    connectionName: `ecodispatch-${name}`,
    enableOfflineQueue: queueWhileDown,
    maxRetriesPerRequest: queueWhileDown ? null : 1,
  });
  let isDown = false;
  client.on('error', (error: Error) => {
    if (isDown) return;
    isDown = true;
    log().error({ redis: name, error: error.message }, 'Redis unreachable; this node keeps serving its own sockets');
  });
  client.on('ready', () => {
    if (!isDown) return;
    isDown = false;
    log().info({ redis: name }, 'Redis is back');
  });
  return client;
}

export function attachRedisAdapter(io: Server, redisUrl: string): ClusterAdapter {
  const pub = connectRedis(redisUrl, 'socket.io-pub', { queueWhileDown: true });
  const sub = connectRedis(redisUrl, 'socket.io-sub', { queueWhileDown: true });
  io.adapter(createAdapter(pub, sub, { key: CHANNEL_KEY, requestsTimeout: REQUESTS_TIMEOUT_MS, publishOnSpecificResponseChannel: true }));
  return {
    close() {
      // Not quit(): with Redis away, a queued QUIT would wait for it forever.
      pub.disconnect();
      sub.disconnect();
    },
  };
}

const PRESENCE_EVENT = 'ecodispatch:presence';
const CARDS_EVENT = 'ecodispatch:cards';
// A fan-out on another node arrives as one batch per push slice (server/dispatch/announce.ts),
// a few milliseconds apart. This node's phones' events wait until no batch came for this long.
const RELAY_QUIET_MS = 50;

type ServerBus<Message> = {
  serverSideEmit(event: string, message: Message): void;
  on(event: string, listener: (message: Message) => void): void;
};

/** The presence bus between nodes over the adapter's server-to-server messages. */
export function presenceBus(io: Server): PresenceBus {
  const bus = io as unknown as ServerBus<PresenceBusMessage>;
  return {
    publish: (message) => bus.serverSideEmit(PRESENCE_EVENT, message),
    subscribe: (handler) =>
      bus.on(PRESENCE_EVENT, (message) => {
        // From another node of the same deployment, but still checked: a malformed message is dropped.
        if (message && typeof message === 'object' && typeof message.node === 'string') handler(message);
      }),
  };
}

/**
 * Role cards between nodes: the node that dispatches sends each batch of cards once, as one
 * server-to-server message; every other node pushes each card to its own phones in that person's
 * room (most rooms are empty on any one node: Socket.IO skips them). The phones report a card with
 * `assignment:delivered` on their own node, which records it in the shared database.
 */
export function cardRelay(io: Server): CardRelay {
  const bus = io as unknown as ServerBus<unknown>;
  // Without a receipt callback (the event's type declares one: phones check for it).
  type PlainPush = { emit(event: 'assignment:new', card: unknown): void };
  const holdTurns = holdWhileBatchesArrive();
  bus.on(CARDS_EVENT, (batch) => {
    if (!Array.isArray(batch)) return;
    holdTurns();
    for (const item of batch as Partial<RelayedCard>[]) {
      // From another node of the same deployment, but still checked: a malformed entry is skipped.
      if (typeof item?.room !== 'string' || !item.room.startsWith('user:') || typeof item.card !== 'object' || item.card === null) continue;
      (io.local.to(item.room) as unknown as PlainPush).emit('assignment:new', item.card);
    }
  });
  return (cards) => bus.serverSideEmit(CARDS_EVENT, cards);
}

/**
 * The dispatching node holds its phones' events while it pushes a fan-out (withTurnsHeld in
 * announce.ts); a node pushing relayed cards does the same, or the receipts and 收到 of its
 * first phones run between two batches and make the last cards late. The hold ends
 * RELAY_QUIET_MS after the last batch, so a node that dies mid-fan-out cannot keep it.
 */
function holdWhileBatchesArrive(): () => void {
  let release: (() => void) | undefined;
  let quietTimer: NodeJS.Timeout | undefined;
  return () => {
    if (!release) void withTurnsHeld(() => new Promise<void>((resolve) => (release = resolve)));
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      release?.();
      release = undefined;
    }, RELAY_QUIET_MS);
  };
}
