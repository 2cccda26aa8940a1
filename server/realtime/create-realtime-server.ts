import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { Server, type Socket } from 'socket.io';
import { LOCALE_COOKIE } from '../../i18n/config';
import { isCommand, type Actor } from '../kernel/auth/actor';
import { findSessionActor } from '../kernel/auth/session';
import { sessionCookieName } from '../kernel/auth/session-cookie';
import { BASELINE_HEADERS } from '../http/security-headers';
import { createContext, type ServerDeps } from '../context';
import type { ClientToServerEvents, ServerToClientEvents } from '../contracts/events';
import { acknowledgeAssignment, markDelivered, updateAssignmentStatus } from '../dispatch';
import { syncAssignments } from '../dispatch/sync-assignments';
import { recordUpdatesReceived } from '../dispatch/record-updates-received';
import { unauthenticated } from '../kernel/errors';
import { PING_INTERVAL_MS, PING_TIMEOUT_MS } from '../presence/heartbeat';
import { getPresence, type PresenceTracker } from '../presence/presence-tracker';
import { trackPresence } from '../presence/track-presence';
import { replyWith } from './ack';
import type { PresencePush } from '../push/emitter';
import { rooms } from '../push/rooms';
import { createEventThrottle } from './event-throttle';
import { isAllowedOrigin } from './origin';
import { runInTurn } from '../push/run-in-turn';
import { createSocketCap, MAX_SOCKETS_PER_USER } from './socket-cap';
import { log, runWithLogContext } from '../kernel/log/logger';
import { randomUUID } from 'node:crypto';

type SocketData = { actor: Actor; sessionToken: string; locale?: string };

/** Attaches Socket.IO to the one HTTP server: cookie-authenticated, origin-checked, rooms chosen here. */
export function createRealtimeServer(
  httpServer: HttpServer,
  options: {
    deps: ServerDeps;
    allowedOrigins: string[];
    isSecureCookie?: boolean;
    eventBudget: number;
    presence?: () => PresenceTracker;
    presencePush: PresencePush;
  },
) {
  // Resolved per connection: with several nodes the tracker is made after the adapter, which needs this server.
  const presence = options.presence ?? getPresence;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Other upgrades (Next's dev HMR) are handed on by server/index.ts, not destroyed.
    destroyUpgrade: false,
    maxHttpBufferSize: 16 * 1024,
    // Tuned so a silently dead phone shows offline on the board within ~15 s (server/presence/heartbeat.ts).
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    allowRequest: (request, callback) => {
      const isAllowed = isAllowedOrigin(request, options.allowedOrigins);
      callback(isAllowed ? null : 'origin not allowed', isAllowed);
    },
    // A phone on a weak network comes back to the same rooms after a short drop (one node only: the Redis
    // adapter cannot replay missed packets); either way the phone re-reads its cards from the database.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });

  // Socket.IO answers its long-polling requests itself, past the HTTP guard (server/http/request-guard.ts).
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, BASELINE_HEADERS));

  io.use(async (socket, next) => {
    try {
      const cookies = parseCookie(socket.request.headers.cookie ?? '');
      const token = cookies[sessionCookieName(options.isSecureCookie ?? false)];
      const actor = await findSessionActor(options.deps.db, token);
      if (!actor || !token) return next(new Error('unauthenticated'));
      socket.data = { actor, sessionToken: token, locale: cookies[LOCALE_COOKIE] };
      next();
    } catch (error) {
      log().error({ err: error }, 'socket handshake failed');
      next(new Error('internal'));
    }
  });

  const assertSocketEventAllowed = createEventThrottle(options.eventBudget);
  const cap = createSocketCap<Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>>();
  io.on('connection', (socket) => {
    const { actor } = socket.data;
    for (const oldest of cap.admit(actor.id, socket)) {
      oldest.emit('session:displaced', { reason: 'too_many_connections', maxConnections: MAX_SOCKETS_PER_USER });
      oldest.disconnect(true);
    }
    socket.on('disconnect', () => cap.release(actor.id, socket));
    // The server alone decides the rooms: one's own, plus the command room for duty officers.
    socket.join(rooms.user(actor.id));
    if (isCommand(actor)) socket.join(rooms.command(actor.jurisdictionId));
    trackPresence(socket, actor, { tracker: presence(), push: options.presencePush });

    const handle = <T>(ack: unknown, verb: (ctx: ReturnType<typeof createContext>) => Promise<T>) =>
      runWithLogContext({ requestId: randomUUID(), actorId: actor.id }, () =>
        replyWith(ack, socket.request.headers, socket.data.locale, async () => {
          await assertSocketEventAllowed(socket.data.actor.id);
          // In turn with the other phones' events, so a burst of them cannot freeze the event loop.
          return runInTurn(async () => {
            // Re-check the session on every action: a logged-out or disabled user can no longer act.
            const current = await findSessionActor(options.deps.db, socket.data.sessionToken);
            if (!current) {
              socket.disconnect(true);
              throw unauthenticated();
            }
            return verb(createContext(current, options.deps));
          });
        }),
      );

    socket.on('assignment:delivered', (payload, ack) => handle(ack, (ctx) => markDelivered({ ctx, input: payload })));
    socket.on('assignment:ack', (payload, ack) => handle(ack, (ctx) => acknowledgeAssignment({ ctx, input: payload })));
    socket.on('assignment:status', (payload, ack) => handle(ack, (ctx) => updateAssignmentStatus({ ctx, input: payload })));
    socket.on('assignments:sync', (payload, ack) => handle(ack, (ctx) => syncAssignments({ ctx, input: payload })));
    socket.on('incident:updates-received', (payload, ack) => handle(ack, (ctx) => recordUpdatesReceived({ ctx, input: payload })));
  });

  return io;
}
