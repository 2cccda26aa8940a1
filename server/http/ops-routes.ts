import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthReport } from '../kernel/health/check-health';
import { hasMetricsToken, writeMetrics } from '../kernel/metrics/serve-metrics';

export type OpsRoutes = { health: () => Promise<HealthReport>; metricsToken: string };

/**
 * Answered by the custom server itself, before Next: the health check (fast, even while Next is
 * busy, for balancers and monitors) and, with METRICS_TOKEN, /metrics on the main port. Returns
 * true when it answered.
 */
export function serveOpsRoute(req: IncomingMessage, res: ServerResponse, ops: OpsRoutes): boolean {
  const path = req.url?.split('?')[0];
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  if (path === '/api/health' && isRead) {
    ops.health().then(
      (report) =>
        res
          .writeHead(report.status === 'down' ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify(report)),
      () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"down"}'),
    );
    return true;
  }
  if (path === '/metrics') {
    // Without a token configured, the main port has no /metrics at all (METRICS_PORT may serve it).
    if (!ops.metricsToken || !isRead) return false;
    if (!hasMetricsToken(req, ops.metricsToken)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return true;
    }
    writeMetrics(res).catch(() => res.writeHead(500).end());
    return true;
  }
  return false;
}
