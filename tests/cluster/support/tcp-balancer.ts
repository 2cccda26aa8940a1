import net from 'node:net';

// The load balancer of a multi-node deployment, in miniature: each new TCP connection goes to the
// next backend in turn, and to the one after it when that one refuses (a killed node). Phones use
// the WebSocket transport only, so one connection is one whole session and no stickiness is needed
// (docs/operations.md shows nginx with sticky sessions for browsers that fall back to polling).

export async function startTcpBalancer(backendPorts: number[]) {
  let next = 0;
  const open = new Set<net.Socket>();
  const perBackend = new Map(backendPorts.map((port) => [port, 0]));

  function connectUpstream(client: net.Socket, attemptsLeft: number) {
    if (attemptsLeft === 0 || client.destroyed) {
      client.destroy();
      return;
    }
    const port = backendPorts[next % backendPorts.length]!;
    next += 1;
    const upstream = net.connect(port, '127.0.0.1');
    let isConnected = false;
    upstream.once('connect', () => {
      isConnected = true;
      perBackend.set(port, (perBackend.get(port) ?? 0) + 1);
      open.add(upstream);
      upstream.setNoDelay(true);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!isConnected) connectUpstream(client, attemptsLeft - 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      open.delete(upstream);
      if (isConnected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.setNoDelay(true);
    client.on('error', () => client.destroy());
    connectUpstream(client, backendPorts.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** Connections handed to each backend so far, by port. */
    get handedOut() {
      return new Map(perBackend);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
