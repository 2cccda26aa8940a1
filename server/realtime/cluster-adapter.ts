import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { PresenceBus, PresenceBusMessage } from '../presence/cluster-presence';
import { log } from '../kernel/log/logger';
import type { ServerBus } from '../push/card-relay';

// Several app nodes behind one load balancer: Socket.IO's Redis adapter forwards every room
// broadcast (a role card, a board update, a receipt's ack) to the other nodes over Redis pub/sub,
// so a dispatch triggered on node A reaches a phone connected to node B. Verbs and the emitter
// do not change: they emit to rooms as before (server/push/socket-emitter.ts); role cards for
// phones on other nodes go out in batches (server/push/card-relay.ts).
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
