import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pauseReadsWhileHeld } from '@/server/push/pause-reads';
import { withTurnsHeld } from '@/server/push/run-in-turn';

// While a fan-out holds the turns, the server does not read its sockets: a phone's frames wait
// unread (not parsed, not queued) and arrive in order after the hold, or after the cap.
// On one real Socket.IO server with real clients; what it buys is in bench/dispatch-fanout.ts.

let io: Server;
let url: string;
let stopPausing: () => void;
const phones: Socket[] = [];
const seen: string[] = [];

beforeEach(async () => {
  seen.length = 0;
  const httpServer = createServer();
  io = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.on('note', (text: string, ack?: (answer: string) => void) => {
      seen.push(text);
      ack?.(`read ${text}`);
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(async () => {
  stopPausing?.();
  for (const phone of phones.splice(0)) phone.close();
  await io.close();
});

async function phone() {
  const socket = connect(url, { transports: ['websocket'], reconnection: false });
  phones.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return socket;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function holdTurns() {
  let release!: () => void;
  const held = withTurnsHeld(() => new Promise<void>((resolve) => (release = resolve)));
  return { release: async () => (release(), await held) };
}

describe('reads paused while a fan-out holds the turns', () => {
  it('leaves the phones’ frames unread until the hold ends, then reads them in order', async () => {
    stopPausing = pauseReadsWhileHeld(io);
    const first = await phone();
    const second = await phone();
    const hold = holdTurns();
    first.emit('note', 'a1');
    second.emit('note', 'b1');
    first.emit('note', 'a2');
    await settle(150);
    expect(seen).toEqual([]);

    await hold.release();
    await settle(150);
    expect(seen.filter((text) => text.startsWith('a'))).toEqual(['a1', 'a2']);
    expect([...seen].sort()).toEqual(['a1', 'a2', 'b1']);
  });

  it('still sends while reading is paused, and answers acknowledgements afterwards', async () => {
    stopPausing = pauseReadsWhileHeld(io);
    const socket = await phone();
    const pushed = new Promise<string>((resolve) => socket.once('push', resolve));
    const hold = holdTurns();
    const answer = socket.timeout(5_000).emitWithAck('note', 'x');
    io.emit('push', 'card');
    expect(await pushed).toBe('card');
    await settle(100);
    expect(seen).toEqual([]);
    await hold.release();
    expect(await answer).toBe('read x');
  });

  it('resumes reading after the cap even if the hold lasts longer', async () => {
    stopPausing = pauseReadsWhileHeld(io, 200);
    const socket = await phone();
    const hold = holdTurns();
    socket.emit('note', 'late');
    await settle(80);
    expect(seen).toEqual([]);
    await settle(400);
    expect(seen).toEqual(['late']);
    await hold.release();
  });

  it('reads as usual when nothing holds the turns, or once unsubscribed', async () => {
    stopPausing = pauseReadsWhileHeld(io);
    const socket = await phone();
    socket.emit('note', 'free');
    await settle(100);
    expect(seen).toEqual(['free']);

    stopPausing();
    const hold = holdTurns();
    socket.emit('note', 'unsubscribed');
    await settle(100);
    expect(seen).toEqual(['free', 'unsubscribed']);
    await hold.release();
  });
});

describe('resuming after a hold', () => {
  // Fake connections: what matters here is the order and batching of pause()/resume() calls.
  function fakeConnections(count: number) {
    const calls: string[] = [];
    const sockets = new Map(
      Array.from({ length: count }, (_, index) => [
        `s${index}`,
        {
          conn: {
            transport: {
              name: 'websocket',
              socket: { pause: () => calls.push(`pause s${index}`), resume: () => calls.push(`resume s${index}`) },
            },
          },
        },
      ]),
    );
    return { io: { of: () => ({ sockets }) }, calls };
  }
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('resumes a few sockets per loop turn, first paused first', async () => {
    const { io: connections, calls } = fakeConnections(5);
    stopPausing = pauseReadsWhileHeld(connections, 60_000, 2);
    const hold = holdTurns();
    expect(calls.splice(0)).toEqual(['pause s0', 'pause s1', 'pause s2', 'pause s3', 'pause s4']);
    await hold.release();
    expect(calls.splice(0)).toEqual(['resume s0', 'resume s1']);
    await nextTurn();
    expect(calls.splice(0)).toEqual(['resume s2', 'resume s3']);
    await nextTurn();
    expect(calls.splice(0)).toEqual(['resume s4']);
    await nextTurn();
    expect(calls).toEqual([]);
  });

  it('keeps the not yet resumed sockets paused when a new hold starts, without pausing any twice', async () => {
    const { io: connections, calls } = fakeConnections(4);
    stopPausing = pauseReadsWhileHeld(connections, 60_000, 1);
    await holdTurns().release();
    expect(calls.splice(0)).toHaveLength(5); // four pauses, one resume
    const second = holdTurns();
    expect(calls.splice(0)).toEqual(['pause s0']);
    await nextTurn();
    expect(calls).toEqual([]);
    await second.release();
    expect(calls.splice(0)).toEqual(['resume s1']);
    stopPausing();
    expect(calls.sort()).toEqual(['resume s0', 'resume s2', 'resume s3']);
  });
});
