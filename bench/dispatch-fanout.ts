// Benchmark: how long from pressing 一键启动 until every assignee's phone holds its card,
// against a baseline in the same run: the bare Socket.IO fan-out of the same cards (no database,
// no verb). The difference is what our pipeline (validation, one transaction, audit rows,
// read-back, per-user push) costs on top of the transport.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { planRoles, plans, users } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { hashPassword } from '../server/auth/password';
import { createSession, SESSION_COOKIE } from '../server/auth/session';
import { toActor } from '../server/auth/actor';
import { parseEnv } from '../server/config/env';
import { createContext } from '../server/context';
import { triggerIncident } from '../server/dispatch';
import { loadRoleCards } from '../server/dispatch/views';
import { rooms } from '../server/realtime/emitter';
import { startServer } from '../server/start-server';

const ASSIGNEES = Number(process.env.BENCH_ASSIGNEES ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const env = parseEnv({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'file::memory:', SEED_DEMO: '1' });
const server = await startServer(env, { withNext: false });
const db = server.db;

// A big district: one plan whose single role needs every one of ASSIGNEES on-duty people.
const [duty] = await db.select().from(users).where(eq(users.username, 'duty'));
const [env1] = await db.select().from(users).where(eq(users.username, 'env1'));
const passwordHash = await hashPassword('bench-password');
const planId = randomUUID();
const staffIds: string[] = [];
await withTransaction(db, async (tx) => {
  await tx.update(users).set({ isOnDuty: false }).where(eq(users.role, 'field_staff'));
  for (let i = 0; i < ASSIGNEES; i += 1) {
    const id = randomUUID();
    staffIds.push(id);
    await tx.insert(users).values({
      id,
      jurisdictionId: duty!.jurisdictionId,
      username: `bench${i}`,
      passwordHash,
      displayName: `Bench ${i}`,
      role: 'field_staff',
      departmentId: env1!.departmentId,
      isOnDuty: true,
    });
  }
  await tx.insert(plans).values({ id: planId, jurisdictionId: duty!.jurisdictionId, name: 'bench', incidentType: 'water_oil' });
  await tx.insert(planRoles).values({
    id: randomUUID(),
    planId,
    departmentId: env1!.departmentId!,
    name: '全员',
    instructions: '到点位集合',
    materials: '对讲机',
    targetLabel: '集合点',
    requiredCount: ASSIGNEES,
  });
});

const sockets: Socket[] = [];
for (const userId of staffIds) {
  const { token } = await createSession(db, userId, 1);
  const socket = connect(server.url, {
    extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  sockets.push(socket);
}

/** Resolves with the elapsed milliseconds once every socket has received one 'assignment:new'. */
function timeFanOut(start: () => Promise<unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    let pending = sockets.length;
    const began = performance.now();
    for (const socket of sockets) {
      socket.once('assignment:new', () => {
        pending -= 1;
        if (pending === 0) resolve(performance.now() - began);
      });
    }
    start().catch(reject);
  });
}

const ctx = createContext(toActor(duty!), { db });
const pipeline: number[] = [];
const baseline: number[] = [];
let sampleCards: Awaited<ReturnType<typeof loadRoleCards>> = [];
for (let round = 0; round < ROUNDS; round += 1) {
  let incidentId = '';
  pipeline.push(
    await timeFanOut(async () => {
      const result = await triggerIncident({
        ctx,
        input: { planId, location: { lat: 29.58, lng: 106.33 }, description: `bench ${round}` },
      });
      incidentId = result.incident.id;
    }),
  );
  sampleCards = await loadRoleCards(db, {
    assignmentIds: (await loadRoleCards(db, { openForUserId: staffIds[0]! })).map((c) => c.assignmentId),
  });
  // Baseline: the same number of per-user pushes with a card-sized payload, straight through io.
  const card = sampleCards[0]!;
  baseline.push(
    await timeFanOut(async () => {
      for (const userId of staffIds)
        server.io.to(rooms.user(userId)).emit('assignment:new', { ...card, assigneeId: userId }, () => undefined);
    }),
  );
  await (await import('../server/dispatch')).liftIncident({ ctx, input: { incidentId } });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = {
  benchmark: 'dispatch-fanout',
  assignees: ASSIGNEES,
  rounds: ROUNDS,
  pipelineMs: { median: median(pipeline), all: pipeline },
  baselineMs: { median: median(baseline), all: baseline },
  overheadRatio: median(pipeline) / median(baseline),
  rssMiB: Math.round(process.memoryUsage().rss / 1_048_576),
  at: new Date().toISOString(),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/dispatch-fanout.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));

for (const socket of sockets) socket.disconnect();
await server.stop();
process.exit(0);
