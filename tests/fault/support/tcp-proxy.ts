import net from 'node:net';

// A loopback TCP proxy in front of the server that can take the network away from the clients
// behind it, in one of two ways:
// - 'reset': every connection is closed at once and new ones are refused until restore (the
//   phone's radio dropped; both ends see it at once);
// - 'blackhole': connections stay open but nothing passes either way, and new connections are
//   accepted and left hanging (a dead mobile network: the server still thinks the phone is there
//   until its heartbeat times out, and pushes go nowhere). At restore every connection that lived
//   through the blackhole is closed, because bytes were lost from its stream.
export type OutageMode = 'reset' | 'blackhole';

type Pair = { client: net.Socket; upstream: net.Socket | null; isTainted: boolean };

export async function startTcpProxy(targetPort: number) {
  const pairs = new Set<Pair>();
  let outage: OutageMode | null = null;
  let accepted = 0;
  let refused = 0;

  const drop = (pair: Pair, isAbrupt = false) => {
    pairs.delete(pair);
    for (const socket of [pair.client, pair.upstream]) {
      if (!socket || socket.destroyed) continue;
      // An RST, not a polite FIN: what a vanished network path looks like to the peer.
      if (isAbrupt) socket.resetAndDestroy();
      else socket.destroy();
    }
  };

  const server = net.createServer((client) => {
    accepted += 1;
    client.setNoDelay(true);
    if (outage === 'reset') {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: null, isTainted: outage === 'blackhole' };
    pairs.add(pair);
    client.on('error', () => drop(pair));
    client.on('close', () => drop(pair));
    if (pair.isTainted) return; // hangs until restore, like a SYN into a dead network
    const upstream = net.connect(targetPort, '127.0.0.1');
    pair.upstream = upstream;
    upstream.setNoDelay(true);
    upstream.on('error', () => drop(pair));
    upstream.on('close', () => drop(pair));
    client.on('data', (chunk) => {
      if (!outage) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!outage) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get openConnections() {
      return pairs.size;
    },
    get stats() {
      return { accepted, refused, open: pairs.size };
    },
    cut(mode: OutageMode) {
      outage = mode;
      for (const pair of [...pairs]) {
        if (mode === 'reset') drop(pair, true);
        else pair.isTainted = true;
      }
    },
    restore() {
      for (const pair of [...pairs]) if (pair.isTainted) drop(pair, true);
      outage = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of [...pairs]) drop(pair);
        server.close(() => resolve());
      }),
  };
}

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
