import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { Duplex } from 'node:stream';
import { openMigratedDatabase } from '../db';
import { isEmpty, seedDemo } from './seed/seed';
import type { Env } from './kernel/config/env';
import { startRedeliveryWorker } from './dispatch/delivery/redelivery-worker';
import { trustedProxyList } from './kernel/config/trusted-proxies';
import { checkHealth } from './kernel/health/check-health';
import { createRequestHandler } from './http/handle-request';
import { log } from './kernel/log/logger';
import { registerScrapeGauges } from './kernel/metrics/scrape-gauges';
import { startMetricsServer } from './kernel/metrics/serve-metrics';
import { createRealtimeServer } from './realtime/create-realtime-server';
import { startEscalationWorker } from './dispatch/escalation/escalation-worker';
import { linkBaseUrl } from './notify/channel-config';
import { startOutboxWorker } from './notify/outbox-worker';
import { createPresenceTracker, setPresence, type PresenceTracker } from './presence/presence-tracker';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setCardRelay, setRealtimeServer, socketEmitter, type RealtimeServer } from './push/socket-emitter';
import { setServerDeps, type ServerDeps } from './context';
import { warmRoutes } from './http/warm-routes';
import { pauseReadsWhileHeld } from './push/pause-reads';
import { attachRedisAdapter, connectRedis, presenceBus } from './realtime/cluster-adapter';
import { cardRelay } from './push/card-relay';
import { useRedisLoginThrottle } from './kernel/auth/login-throttle';
import { createClusterPresence } from './presence/cluster-presence';
import { announceReachability } from './presence/announce-reachability';

type NextHandlers = {
  handleRequest: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  handleUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;
};

/**
 * One HTTP server: Next serves pages and route handlers, Socket.IO shares the port.
 * `withNext: false` gives the realtime tests the same server without a Next build.
 */
export async function startServer(
  env: Env,
  options: { dev?: boolean; withNext?: boolean; redelivery?: { intervalMs?: number; now?: () => Date } } = {},
) {
  const { db, close: closeDb } = await openMigratedDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }, async (opened) => {
    if (!env.SEED_DEMO || !(await isEmpty(opened))) return;
    await seedDemo(opened);
    log().info('seeded demo data (重庆高新区)');
  });
  // The one place that chooses the concrete database, emitter and clock; everything below receives them.
  const deps: ServerDeps = { db, emitter: socketEmitter, now: () => new Date() };
  setServerDeps(deps);

  const next = options.withNext === false ? null : await prepareNext(env, options.dev ?? false);
  // Set below, once the optional Redis connection exists; the health check reads it when asked.
  let healthRedis: Redis | null = null;
  const httpServer = createServer(
    createRequestHandler({
      guard: { isDev: options.dev ?? false, isHttps: env.COOKIE_SECURE, tileUrl: env.MAP_TILE_URL, allowedOrigins: env.ALLOWED_ORIGINS },
      trustedProxies: trustedProxyList(env.TRUSTED_PROXIES)!,
      ops: { health: () => checkHealth({ db, redis: healthRedis }), metricsToken: env.METRICS_TOKEN },
      next: next?.handleRequest ?? null,
    }),
  );
  // A fresh tracker per server: nobody is online until a phone connects to this one.
  const localPresence = createPresenceTracker();
  let presence: PresenceTracker = localPresence;
  const io = createRealtimeServer(httpServer, {
    deps,
    presencePush: socketEmitter,
    allowedOrigins: env.ALLOWED_ORIGINS,
    isSecureCookie: env.COOKIE_SECURE,
    eventBudget: env.SOCKET_EVENT_BUDGET,
    presence: () => presence,
  });
  setRealtimeServer(io as unknown as RealtimeServer);
  // Before the first connection: with REDIS_URL, rooms span every node of the deployment, and so
  // does presence (each node reports its own connections to the others).
  const cluster = env.REDIS_URL ? attachRedisAdapter(io, env.REDIS_URL) : null;
  setCardRelay(cluster ? cardRelay(io) : undefined);
  const clusterPresence = cluster
    ? createClusterPresence({
        node: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        local: localPresence,
        bus: presenceBus(io),
        onReachability: (userIds, isOnline) =>
          void announceReachability({ db, tracker: presence, push: socketEmitter }, userIds, isOnline).catch((error: unknown) =>
            log().error({ err: error }, 'presence: announcing a node change failed'),
          ),
      })
    : null;
  presence = clusterPresence ?? localPresence;
  setPresence(presence);
  // Failed logins are counted across nodes too, or a guesser would get the limit once per node.
  const throttleRedis = env.REDIS_URL ? connectRedis(env.REDIS_URL, 'login-throttle', { queueWhileDown: false }) : null;
  if (throttleRedis) useRedisLoginThrottle(throttleRedis);
  healthRedis = throttleRedis;
  registerScrapeGauges({ db, connectedPeople: () => localPresence.onlineUserIds().length });
  const metricsServer =
    env.METRICS_PORT !== '' ? await startMetricsServer({ host: env.HOST, port: env.METRICS_PORT, token: env.METRICS_TOKEN }) : null;
  // While a fan-out pushes its cards, the phones' sockets are not read (server/push/pause-reads.ts).
  const stopPausingReads = pauseReadsWhileHeld(io);
  const escalation = startEscalationWorker(deps);
  httpServer.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/socket.io/')) return; // Socket.IO's own listener takes it.
    if (next?.handleUpgrade) void next.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  if (next && !options.dev) await warmRoutes(env.HOST, port);
  const outbox = startOutboxWorker({ ...deps, env, baseUrl: linkBaseUrl(env, port) });
  const redelivery = startRedeliveryWorker(
    { ...deps, now: options.redelivery?.now ?? deps.now },
    // This node's phones only: each node re-pushes to its own connections (a claim keeps two nodes
    // from pushing the same card, server/dispatch/delivery/claim-due-pushes.ts).
    { onlineUserIds: () => localPresence.onlineUserIds(), intervalMs: options.redelivery?.intervalMs },
  );

  async function stop() {
    clusterPresence?.stop();
    await outbox.stop();
    await escalation.stop();
    await redelivery.stop();
    stopPausingReads();
    await metricsServer?.close();
    await io.close(); // also closes the HTTP server
    cluster?.close();
    throttleRedis?.disconnect();
    setRealtimeServer(undefined);
    setPresence(undefined);
    setServerDeps(undefined);
    await closeDb();
  }
  return { port, url: `http://${env.HOST}:${port}`, metricsPort: metricsServer?.port ?? null, db, io, presence, redelivery, stop };
}

async function prepareNext(env: Env, dev: boolean): Promise<NextHandlers> {
  const { default: next } = await import('next');
  const app = next({ dev, hostname: env.HOST, port: env.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handleRequest: (req, res) => handle(req, res),
    handleUpgrade: dev ? app.getUpgradeHandler() : undefined,
  };
}
