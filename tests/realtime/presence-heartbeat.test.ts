import net from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPresence } from '@/server/presence';
import { collect, settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
let proxy: Awaited<ReturnType<typeof startSilentProxy>> | null = null;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  proxy?.close();
  proxy = null;
  await server.stop();
});

/**
 * A TCP relay in front of the server. `cut()` makes the network vanish the way a phone in a lift
 * does: the client side is dropped, while the server keeps an open connection that simply goes
 * silent (no FIN, no RST, no Socket.IO disconnect packet), so only the heartbeat can notice.
 */
async function startSilentProxy(targetPort: number) {
  const pairs: { client: net.Socket; upstream: net.Socket }[] = [];
  let isCut = false;
  const relay = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    pairs.push({ client, upstream });
    client.on('data', (chunk) => void (isCut || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (isCut || client.write(chunk)));
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
    client.on('close', () => isCut || upstream.destroy());
    upstream.on('close', () => isCut || client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      isCut = true;
      for (const { client } of pairs) client.destroy();
    },
    close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      relay.close();
    },
  };
}

async function connectThrough(url: string, username: string) {
  const cookie = await server.cookieFor(username);
  const socket: TestSocket = connect(url, { extraHeaders: { cookie }, reconnection: false, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('presence', () => {
  it('reports a phone whose network silently vanished as offline to the command room within ~15 s', async () => {
    const duty = await server.connectAs('duty');
    const changes = collect(duty, 'presence:changed');
    const env1Id = (await server.userByName('env1')).id;
    proxy = await startSilentProxy(server.port);
    await connectThrough(proxy.url, 'env1');

    await waitFor(() => changes.some((c) => c.userId === env1Id && c.isOnline));
    const dutyCtx = await server.ctxFor('duty');
    expect((await listPresence({ ctx: dutyCtx })).find((p) => p.userId === env1Id)).toMatchObject({ isOnline: true, isOnDuty: true });

    await settle(500);
    const cutAt = Date.now();
    proxy.cut();
    // The server still holds an open TCP connection: nothing but the missing pong tells it.
    await waitFor(() => changes.some((c) => c.userId === env1Id && !c.isOnline), 25_000);
    const offline = changes.find((c) => c.userId === env1Id && !c.isOnline)!;
    const noticedAfterMs = Date.now() - cutAt;
    expect(noticedAfterMs).toBeLessThan(25_000);
    // "Last seen" is the last sign of life before the cut, not the moment we gave up waiting.
    expect(Date.parse(offline.lastSeenAt!)).toBeLessThanOrEqual(cutAt + 50);
    expect((await listPresence({ ctx: dutyCtx })).find((p) => p.userId === env1Id)).toMatchObject({
      isOnline: false,
      lastSeenAt: offline.lastSeenAt,
    });
  }, 40_000);

  it('counts connections per person: a second tab does not flap, the last one closing does', async () => {
    const duty = await server.connectAs('duty');
    const changes = collect(duty, 'presence:changed');
    const police1Id = (await server.userByName('police1')).id;

    const phone = await server.connectAs('police1');
    const tablet = await server.connectAs('police1');
    await waitFor(() => changes.length >= 1);
    phone.disconnect();
    await settle();
    expect(changes.map((c) => [c.userId, c.isOnline])).toEqual([[police1Id, true]]);

    tablet.disconnect();
    await waitFor(() => changes.length === 2);
    expect(changes[1]).toMatchObject({ userId: police1Id, isOnline: false });
    expect(changes[1]!.lastSeenAt).not.toBeNull();

    await server.connectAs('police1');
    await waitFor(() => changes.length === 3);
    expect(new Set(changes.map((c) => c.messageId)).size).toBe(3);
    // Field staff only: a duty officer's own socket is no news for the board.
    await server.connectAs('duty2');
    await settle();
    expect(changes).toHaveLength(3);
  });

  it('sends presence only to the command room, and lists it only to duty officers and admins', async () => {
    const env2 = await server.connectAs('env2');
    const heard = collect(env2, 'presence:changed');
    await server.connectAs('env3');
    await settle();
    expect(heard).toHaveLength(0);

    for (const username of ['env1', 'ent1']) {
      await expect(listPresence({ ctx: await server.ctxFor(username) })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const list = await listPresence({ ctx: await server.ctxFor('admin') });
    expect(list.every((p) => p.username !== 'duty' && p.username !== 'ent1')).toBe(true);
    expect(list.find((p) => p.username === 'env3')).toMatchObject({ isOnline: true, department: expect.any(String) });
    expect(list.find((p) => p.username === 'env4')).toMatchObject({ isOnline: false, isOnDuty: false, lastSeenAt: null });
  });
});
