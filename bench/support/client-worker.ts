// One forked process holding a share of the fan-out fleet: a socket.io-client per person,
// authenticated by the person's minted session cookie, behaving like the phone on a push: note
// the receipt time, answer the push receipt, then send 收到 (`assignment:ack`) and note when
// the server answered it. Times are `performance.timeOrigin + performance.now()` (ms), which every
// process on this machine reads from the same clock. Driven by the parent over IPC.
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';

type Person = { userId: string; cookie: string };
type Card = { assignmentId: string; assigneeId: string; incidentId?: string };
type Client = {
  userId: string;
  socket: Socket;
  cards: Card[];
  receivedAt: number | null;
  ackedAt: number | null;
  ackError: string | null;
  /** Expected to get a card this round (every phone, unless `arm` named some). */
  isExpected: boolean;
};
/**
 * What this process spent while the round ran, so the harness can show the phones were not the
 * bottleneck: CPU time (user + system) and event-loop utilisation from `arm` (just before the
 * trigger) until every phone of this process held its card (`receive`), and until every 收到 was
 * answered (`ack`). The window is the server's pace, not the phones': a process that needs as long
 * to read its cards as the server takes to send them shows ≈ 100 %, one that keeps up shows its idle
 * share. (A window from the first card to the last would end when the phones finish reading, and so
 * read ≈ 100 % for any burst, however fast the phones.)
 */
export type WorkerLoad = {
  receive: { cpuMs: number; wallMs: number; elu: number } | null;
  ack: { cpuMs: number; wallMs: number; elu: number } | null;
};
export type ClientResult = {
  userId: string;
  cards: number;
  assignmentIds: number;
  isOwn: boolean;
  receivedAt: number | null;
  ackedAt: number | null;
  ackError: string | null;
  isExpected: boolean;
};
export type WorkerMessage =
  | { type: 'connect'; url: string; people: Person[]; concurrency: number }
  /** `expected`: only these people get a card this round (default: everyone); `ack: false`: no 收到, a round ends at the last card. */
  | { type: 'arm'; expected?: string[]; ack?: boolean }
  | { type: 'collect' }
  | { type: 'sample' }
  | { type: 'close' };

const now = () => performance.timeOrigin + performance.now();
const clients: Client[] = [];
let sample: unknown = null;
let pendingAcks = 0;
let pendingReceipts = 0;
let isArmed = false;
let isAcking = true;
let armedAt = { cpu: process.cpuUsage(), wall: now(), elu: performance.eventLoopUtilization() };
let load: WorkerLoad = { receive: null, ack: null };

/** CPU (ms), wall time (ms) and event-loop utilisation since `arm`. */
function spentSinceArmed() {
  const from = armedAt;
  const cpu = process.cpuUsage(from.cpu);
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: now() - from.wall,
    elu: performance.eventLoopUtilization(from.elu).utilization,
  };
}

const send = (message: unknown) => process.send?.(message);

function checkDone() {
  if (isArmed && pendingAcks === 0) {
    isArmed = false;
    load.ack = spentSinceArmed();
    send({ type: 'done' });
  }
}

function open(url: string, person: Person): Promise<Client | string> {
  const socket = connect(url, { extraHeaders: { cookie: person.cookie }, transports: ['websocket'], reconnection: false, timeout: 60_000 });
  const client: Client = { userId: person.userId, socket, cards: [], receivedAt: null, ackedAt: null, ackError: null, isExpected: true };
  socket.on('assignment:new', (card: Card, receipt?: (answer: { received: boolean }) => void) => {
    const at = now();
    sample ??= card;
    client.cards.push(card);
    // As the phone page does: answer the push, or (a push relayed from another node comes without
    // one) report the card with its own event.
    if (typeof receipt === 'function') receipt({ received: true });
    else socket.emit('assignment:delivered', { assignmentId: card.assignmentId }, () => undefined);
    if (client.receivedAt !== null) return; // a re-push of a card already held: no second 收到
    client.receivedAt = at;
    if (!client.isExpected) return; // not part of this round's count (a stray card shows as wrongCard)
    pendingReceipts -= 1;
    if (isArmed && pendingReceipts === 0) load.receive = spentSinceArmed();
    if (!isAcking) {
      pendingAcks -= 1;
      checkDone();
      return;
    }
    socket.emit('assignment:ack', { assignmentId: card.assignmentId }, (result: { ok: boolean; error?: { code: string } }) => {
      client.ackedAt = now();
      if (!result?.ok) client.ackError = result?.error?.code ?? 'unknown';
      pendingAcks -= 1;
      checkDone();
    });
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

process.on('message', async (message: WorkerMessage) => {
  if (message.type === 'connect') {
    let failed = 0;
    const errors = new Set<string>();
    for (let start = 0; start < message.people.length; start += message.concurrency) {
      const batch = await Promise.all(message.people.slice(start, start + message.concurrency).map((person) => open(message.url, person)));
      for (const outcome of batch) {
        if (typeof outcome === 'string') {
          failed += 1;
          errors.add(outcome);
        } else clients.push(outcome);
      }
    }
    send({ type: 'connected', connected: clients.length, failed, errors: [...errors] });
  } else if (message.type === 'arm') {
    const expected = message.expected ? new Set(message.expected) : null;
    for (const client of clients)
      Object.assign(client, {
        cards: [],
        receivedAt: null,
        ackedAt: null,
        ackError: null,
        isExpected: expected?.has(client.userId) ?? true,
      });
    sample = null;
    isAcking = message.ack ?? true;
    pendingAcks = clients.filter((client) => client.isExpected && client.socket.connected).length;
    pendingReceipts = pendingAcks;
    load = { receive: null, ack: null };
    armedAt = { cpu: process.cpuUsage(), wall: now(), elu: performance.eventLoopUtilization() };
    // A process none of whose phones gets a card this round has nothing to wait for (see `pending`).
    isArmed = pendingAcks > 0;
    send({ type: 'armed', pending: pendingAcks });
  } else if (message.type === 'collect') {
    const results: ClientResult[] = clients.map((client) => ({
      userId: client.userId,
      cards: client.cards.length,
      assignmentIds: new Set(client.cards.map((card) => card.assignmentId)).size,
      isOwn: client.cards.every((card) => card.assigneeId === client.userId),
      receivedAt: client.receivedAt,
      ackedAt: client.ackedAt,
      ackError: client.ackError,
      isExpected: client.isExpected,
    }));
    const disconnected = clients.filter((client) => !client.socket.connected).length;
    send({ type: 'results', results, disconnected, load });
  } else if (message.type === 'sample') {
    send({ type: 'sample', card: sample });
  } else if (message.type === 'close') {
    for (const client of clients) client.socket.disconnect();
    clients.length = 0;
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 100);
  }
});
send({ type: 'ready' });
