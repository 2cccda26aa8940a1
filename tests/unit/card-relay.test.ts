import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoleCard } from '@/server/contracts/dispatch';
import { cardRelay } from '@/server/push/card-relay';
import type { RelayedCard } from '@/server/push/emitter';
import { rooms } from '@/server/push/rooms';
import { setCardRelay, setRealtimeServer, socketEmitter } from '@/server/push/socket-emitter';
import { runInTurn } from '@/server/push/run-in-turn';

// The card relay between nodes, on one real Socket.IO server: what another node's batch does
// here (a phone in the room gets its card, malformed entries are skipped, this node's phones'
// events wait while batches arrive), and how the dispatching node's emitter batches its cards.
// The path through Redis between two processes is in tests/cluster/two-nodes.test.ts.

const card = (assignmentId: string, assigneeId: string) =>
  ({ messageId: `assignment:${assignmentId}:sent`, assignmentId, assigneeId }) as RoleCard;

let io: Server;
let url: string;
const phones: Socket[] = [];

beforeEach(async () => {
  const httpServer = createServer();
  io = new Server(httpServer);
  // As the real server does after authentication: each socket in its person's room.
  io.on('connection', (socket) => void socket.join(rooms.user(String(socket.handshake.auth.userId))));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const phone of phones.splice(0)) phone.close();
  setRealtimeServer(undefined);
  await io.close();
});

async function phoneOf(userId: string) {
  const phone = connect(url, { auth: { userId }, transports: ['websocket'], reconnection: false });
  phones.push(phone);
  const received: RoleCard[] = [];
  phone.on('assignment:new', (relayed: RoleCard) => received.push(relayed));
  await new Promise<void>((resolve) => phone.once('connect', () => resolve()));
  // The room join happens in the server's connection handler, right after the handshake.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return received;
}

/** What the Redis adapter does when another node's batch arrives. */
function deliverFromOtherNode(batch: unknown) {
  for (const listener of io.listeners('ecodispatch:cards' as never)) (listener as (message: unknown) => void)(batch);
}

const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cards relayed from another node', () => {
  it('go to the phones of this node in the person’s room, and nothing else', async () => {
    cardRelay(io);
    const first = await phoneOf('u1');
    const second = await phoneOf('u2');

    deliverFromOtherNode([
      { room: rooms.user('u1'), card: card('a1', 'u1') },
      { room: rooms.user('u3'), card: card('a3', 'u3') }, // a person with no phone on this node
      { room: 'command:j1', card: card('a4', 'u1') }, // not a person's room
      { room: rooms.user('u2') }, // no card
      { room: rooms.user('u2'), card: null },
      42,
      null,
    ]);
    deliverFromOtherNode('not a batch');
    deliverFromOtherNode({ room: rooms.user('u2'), card: card('a5', 'u2') });
    await settle();

    expect(first.map((relayed) => relayed.assignmentId)).toEqual(['a1']);
    expect(second).toEqual([]);
  });

  it('hold this node’s phone events until batches stop arriving', async () => {
    cardRelay(io);
    let started = false;
    deliverFromOtherNode([{ room: rooms.user('u1'), card: card('a1', 'u1') }]);
    const job = runInTurn(async () => {
      started = true;
    });
    // Batches keep coming every 20 ms: the receipt waits all along.
    for (let batch = 0; batch < 5; batch += 1) {
      await settle(20);
      deliverFromOtherNode([{ room: rooms.user('u1'), card: card(`b${batch}`, 'u1') }]);
    }
    expect(started).toBe(false);
    await job; // released 50 ms after the last batch
    expect(started).toBe(true);
  });
});

describe('the dispatching node', () => {
  it('sends the cards of one synchronous stretch to the other nodes as one batch, and pushes its own phones directly', async () => {
    const batches: RelayedCard[][] = [];
    setRealtimeServer(io);
    setCardRelay((batch) => batches.push(batch));
    const here = await phoneOf('u1');

    const pushes = ['u1', 'u2', 'u3'].map((userId, index) => socketEmitter.assignmentNew(userId, card(`a${index}`, userId)));
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((relayed) => relayed.room)).toEqual([rooms.user('u1'), rooms.user('u2'), rooms.user('u3')]);

    // u2 and u3 have no phone here: nothing to wait for. u1's phone has no receipt handler in this test.
    expect(await pushes[1]).toBe(false);
    expect(await pushes[2]).toBe(false);
    await settle();
    expect(here.map((pushed) => pushed.assignmentId)).toEqual(['a0']);
  });
});
