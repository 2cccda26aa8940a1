import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { users } from '@/db/schema';
import { toActor } from '@/server/kernel/auth/actor';
import { createSession, SESSION_COOKIE } from '@/server/kernel/auth/session';
import { parseEnv } from '@/server/kernel/config/env';
import { createContext } from '@/server/context';
import { triggerIncident } from '@/server/dispatch';
import { listPlans } from '@/server/plans/list-plans';
import type { ClientToServerEvents, ServerToClientEvents } from '@/server/contracts/events';
import { startServer } from '@/server/start-server';
import { createTestDatabaseUrl } from './test-database';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The real HTTP + Socket.IO server (without Next) on a free port, over a fresh seeded database. */
export async function startRealtimeServer(extraEnv: Record<string, string> = {}) {
  // The server opens the database itself, as in production; the test only chooses a fresh one.
  const database = await createTestDatabaseUrl();
  const env = parseEnv({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, SEED_DEMO: '1', ...extraEnv });
  const server = await startServer(env, { withNext: false });
  const sockets: TestSocket[] = [];

  const userByName = async (username: string) => {
    const [user] = await server.db.select().from(users).where(eq(users.username, username));
    if (!user) throw new Error(`no demo user ${username}`);
    return user;
  };

  /** A cookie for a fresh session of `username`, as the login route would set it. */
  const cookieFor = async (username: string) => {
    const user = await userByName(username);
    const { token } = await createSession(server.db, user.id, 1);
    return `${SESSION_COOKIE}=${token}`;
  };

  /** A connected socket.io-client for `username`; rejects with the server's connect_error. */
  const connectAs = async (username: string, options: { origin?: string } = {}) => {
    const cookie = await cookieFor(username);
    return openSocket({ cookie, ...(options.origin ? { origin: options.origin } : {}) });
  };

  const openSocket = (headers: Record<string, string>) =>
    new Promise<TestSocket>((resolve, reject) => {
      const socket: TestSocket = connect(server.url, { extraHeaders: headers, reconnection: false, transports: ['websocket'] });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => reject(error));
    });

  const ctxFor = async (username: string) => createContext(toActor(await userByName(username)), { db: server.db });

  /** 一键启动 as `duty` with the demo plan for `incidentType`, at the 梁滩河 oil sighting. */
  const triggerPlan = async (incidentType = 'water_oil', { drill = true } = {}) => {
    const ctx = await ctxFor('duty');
    const plan = (await listPlans({ ctx })).find((p) => p.incidentType === incidentType)!;
    return triggerIncident({
      ctx,
      input: { planId: plan.id, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河合谷段水面发现黑色油污', drill },
    });
  };

  const stop = async () => {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
    await database.drop();
  };
  return { ...server, userByName, cookieFor, connectAs, openSocket, ctxFor, triggerPlan, stop };
}

/** Collects every event of one name that a socket receives. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E) {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => received.push(payload)) as never);
  return received;
}

export async function waitFor(check: () => boolean, timeoutMs = 3_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Gives in-flight pushes a moment to arrive before asserting that something did NOT arrive. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
