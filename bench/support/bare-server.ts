// The baseline of the fan-out benchmarks: a bare Socket.IO server (the same socket.io version and
// transport options as server/realtime/create-realtime-server.ts) with no database and no verbs.
// Cookie "authentication" is a Map lookup of the same minted session cookies; each connection joins
// its user room, duty officers the command room. `POST /fanout {card}` emits one per-person copy of
// the card to every staff room with a receipt wait, as our emitter does; each `assignment:ack` is
// acknowledged and counted to the command room, so a board sees "all acknowledged" the same way.
// BARE_DURABLE=1 makes it the "bare-durable" baseline: before it emits, it writes what a dispatch must
// make durable (bench/support/durable-writes.ts: the incident, every card, their audit rows, in one
// transaction on the load database), and each 收到 is written with its audit row before its answer
// (the 收到 of one event-loop turn in one transaction; one board update per commit).
// Run: PORT=… BENCH_SESSIONS=<seed:load sessions file> [BARE_DURABLE=1 DATABASE_URL=file:…] node --import tsx bench/support/bare-server.ts
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { Server } from 'socket.io';
import { PING_INTERVAL_MS, PING_TIMEOUT_MS } from '../../server/presence/heartbeat';
import { openDurableWrites } from './durable-writes';

type Person = { username: string; userId: string; cookie: string };
const sessions = JSON.parse(readFileSync(process.env.BENCH_SESSIONS!, 'utf8')) as { command: Person[]; staff: Person[]; planId: string };
const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
const people = new Map<string, { userId: string; isCommand: boolean }>();
for (const person of sessions.command) people.set(tokenOf(person.cookie), { userId: person.userId, isCommand: true });
for (const person of sessions.staff) people.set(tokenOf(person.cookie), { userId: person.userId, isCommand: false });
const staffIds = sessions.staff.map((person) => person.userId);
const cookieName = sessions.staff[0]?.cookie.split('=')[0] ?? 'session';

let round = { id: '', acknowledged: 0 };
const durable =
  process.env.BARE_DURABLE === '1' ? openDurableWrites(process.env.DATABASE_URL!.replace(/^file:/, ''), sessions.planId, staffIds) : null;

/** Each person's card id: written first when durable, else just made up. */
function cardsFor(incidentId: string) {
  return durable ? durable.dispatch(incidentId) : staffIds.map((userId) => ({ assignmentId: randomUUID(), userId }));
}

const httpServer = createServer((request, response) => {
  if (request.url === '/api/health') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  if (request.method === 'POST' && request.url?.startsWith('/lift/')) {
    durable?.lift(request.url.slice('/lift/'.length));
    return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  }
  if (request.method !== 'POST' || request.url !== '/fanout') return void response.writeHead(404).end();
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { card } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { card: Record<string, unknown> };
    round = { id: randomUUID(), acknowledged: 0 };
    for (const { assignmentId, userId } of cardsFor(round.id)) {
      io.to(`user:${userId}`)
        .timeout(10_000)
        .emit(
          'assignment:new',
          { ...card, messageId: `assignment:new:${assignmentId}`, assignmentId, assigneeId: userId },
          () => undefined,
        );
    }
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ incident: { id: round.id } }));
  });
});

const io = new Server(httpServer, {
  serveClient: false,
  maxHttpBufferSize: 16 * 1024,
  pingInterval: PING_INTERVAL_MS,
  pingTimeout: PING_TIMEOUT_MS,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
});

io.use((socket, next) => {
  const person = people.get(parseCookie(socket.request.headers.cookie ?? '')[cookieName] ?? '');
  if (!person) return next(new Error('unauthenticated'));
  socket.data = person;
  next();
});

io.on('connection', (socket) => {
  const { userId, isCommand } = socket.data as { userId: string; isCommand: boolean };
  socket.join(`user:${userId}`);
  if (isCommand) socket.join('command');
  socket.on('assignment:ack', (payload: { assignmentId?: string }, ack: unknown) => {
    const answer = typeof ack === 'function' ? (ack as (body: unknown) => void) : () => undefined;
    const assignmentId = typeof payload?.assignmentId === 'string' ? payload.assignmentId : '';
    if (durable) return queueDurableAck(assignmentId, answer);
    answer({ ok: true, data: { id: assignmentId, status: 'acknowledged' } });
    round.acknowledged += 1;
    announceCount();
  });
});

const announceCount = () =>
  io.to('command').emit('incident:updated', {
    messageId: `bare:${round.id}:${round.acknowledged}`,
    incident: { id: round.id, counts: { total: staffIds.length, acknowledged: round.acknowledged } },
  });

/** The 收到 of one event-loop turn, written in one transaction and answered after its commit. */
let waitingAcks: { assignmentId: string; answer: (body: unknown) => void }[] = [];
function queueDurableAck(assignmentId: string, answer: (body: unknown) => void) {
  if (waitingAcks.length === 0) setImmediate(commitWaitingAcks);
  waitingAcks.push({ assignmentId, answer });
}
function commitWaitingAcks() {
  const group = waitingAcks;
  waitingAcks = [];
  const acknowledged = new Set(durable!.acknowledge(group.map((entry) => entry.assignmentId)));
  for (const { assignmentId, answer } of group) {
    answer(
      acknowledged.has(assignmentId)
        ? { ok: true, data: { id: assignmentId, status: 'acknowledged' } }
        : { ok: false, error: { code: 'conflict' } },
    );
  }
  round.acknowledged += acknowledged.size;
  announceCount();
}

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = httpServer.address();
  console.log(`[bare] ready on ${typeof address === 'object' && address ? address.port : '?'} (${staffIds.length} staff)`);
});
process.once('SIGTERM', () => {
  io.close();
  durable?.close();
  process.exit(0);
});
