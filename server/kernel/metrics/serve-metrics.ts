import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { appMetrics } from './registry';

/** Whether the request carries `Authorization: Bearer <token>` for the configured token. */
export function hasMetricsToken(req: IncomingMessage, token: string): boolean {
  const offered = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return token !== '' && offered.length === expected.length && timingSafeEqual(offered, expected);
}

export async function writeMetrics(res: ServerResponse): Promise<void> {
  const { registry } = appMetrics();
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType }).end(body);
}

/**
 * METRICS_PORT: /metrics on a port of its own (bound to HOST), for a Prometheus on the internal
 * network; with METRICS_TOKEN set it wants the token there too.
 */
export async function startMetricsServer(options: { host: string; port: number; token: string }) {
  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return void res.writeHead(404).end();
    if (options.token && !hasMetricsToken(req, options.token)) return void res.writeHead(401).end();
    writeMetrics(res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
