import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AckResult, AssignmentsSyncReply, SessionDisplacedMessage } from '@/server/contracts/events';
import { MAX_SOCKETS_PER_USER } from '@/server/realtime/socket-cap';
import { collect, settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';

// Opening more sockets must not buy a person more server work, nor an unbounded number of connections.
let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(() => server.stop());

const sync = (socket: TestSocket) =>
  (socket.timeout(5_000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<AssignmentsSyncReply>>)('assignments:sync', {
    held: [],
  });

async function openMany(username: string, count: number) {
  const sockets: TestSocket[] = [];
  for (let i = 0; i < count; i += 1) sockets.push(await server.connectAs(username));
  return sockets;
}

describe('sockets per person', () => {
  it(`past ${MAX_SOCKETS_PER_USER} sockets the oldest is told why, then closed; the newer ones stay`, async () => {
    const first = await server.connectAs('env1');
    const displaced = collect(first, 'session:displaced');
    const reasons: string[] = [];
    first.on('disconnect', (reason) => reasons.push(reason));
    const others = await openMany('env1', MAX_SOCKETS_PER_USER);

    await waitFor(() => reasons.length === 1);
    expect(displaced).toEqual([{ reason: 'too_many_connections', maxConnections: MAX_SOCKETS_PER_USER } satisfies SessionDisplacedMessage]);
    expect(reasons).toEqual(['io server disconnect']);
    await settle();
    expect(others.every((socket) => socket.connected)).toBe(true);
    // Another person is not affected by env1's count.
    expect((await server.connectAs('env2')).connected).toBe(true);
  });

  it('a closed socket frees its place: nobody is displaced by the next one', async () => {
    const sockets = await openMany('police1', MAX_SOCKETS_PER_USER);
    const displaced = sockets.map((socket) => collect(socket, 'session:displaced'));
    sockets[2]!.disconnect();
    await settle(200); // the server sees the close
    const latest = await server.connectAs('police1');
    await settle();
    expect(displaced.flat()).toEqual([]);
    expect([...sockets.filter((_, i) => i !== 2), latest].every((socket) => socket.connected)).toBe(true);
  });
});

describe('event budget per person', () => {
  it('is shared by all of a person’s sockets: many sockets do not multiply it, and other people keep theirs', async () => {
    const sockets = await openMany('emerg1', MAX_SOCKETS_PER_USER);
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => sync(sockets[i % sockets.length]!)));
    const limited = replies.filter((reply) => !reply.ok && reply.error.code === 'rate_limited').length;
    const answered = replies.filter((reply) => reply.ok).length;
    // 40 events per 10 s per person (server/realtime/event-throttle.ts), whichever socket sent them.
    expect(answered).toBe(40);
    expect(limited).toBe(60);
    const refusal = replies.find((reply) => !reply.ok);
    expect(refusal && !refusal.ok && refusal.error.message).toMatch(/[\u4e00-\u9fff]/);

    const other = await server.connectAs('emerg2');
    expect((await sync(other)).ok).toBe(true);
  });
});
