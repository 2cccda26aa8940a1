import { log } from '../kernel/log/logger';

// Next instantiates a route's module on the first request to it: the first 一键启动 after a start
// paid for loading the dispatch code (and JIT) inside the dispatch itself, one ≈ 0.3 s stall of
// the event loop (bench/event-loop-delay.ts, first round). One unauthenticated request per route
// module at start moves that cost to before the server reports ready; each answers 401 at once.
const ROUTES_TO_WARM = ['/api/incidents', '/api/me/assignments'];

export async function warmRoutes(host: string, port: number): Promise<void> {
  const loopbackHost = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host;
  for (const route of ROUTES_TO_WARM) {
    try {
      const response = await fetch(`http://${loopbackHost.includes(':') ? `[${loopbackHost}]` : loopbackHost}:${port}${route}`);
      await response.arrayBuffer();
    } catch (error) {
      // Only a warm-up: the route still loads on its first real request.
      log().warn({ err: error, route }, 'warm-up request failed');
    }
  }
}
