import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlockList } from 'node:net';
import { log, rootLogger, runWithLogContext, type LogContext } from '../kernel/log/logger';
import { requestIdFrom } from '../kernel/log/request-id';
import { serveOpsRoute, type OpsRoutes } from './ops-routes';
import { clientAddress, REMOTE_ADDRESS_HEADER } from './remote-address';
import { guardRequest, type RequestGuardOptions } from './request-guard';

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The HTTP door in front of Next. Each request runs in a log context with its id (answered as
 * X-Request-Id, so a person can quote it); then the guard, the ops routes, and Next. One log line
 * per API request when it completes.
 */
export function createRequestHandler(options: {
  guard: RequestGuardOptions;
  trustedProxies: BlockList;
  ops: OpsRoutes;
  next: NextHandler | null;
}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    // Kept by reference: the route adds the actor to it, and 'finish' fires outside the context.
    const context: LogContext = { requestId };
    runWithLogContext(context, () => {
      const started = performance.now();
      const path = (req.url ?? '/').split('?', 1)[0]!;
      if (path.startsWith('/api/')) {
        res.once('finish', () =>
          rootLogger()
            .child(context)
            .info({ method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request'),
        );
      }
      if (guardRequest(req, res, options.guard) || serveOpsRoute(req, res, options.ops)) return;
      if (!options.next) return void res.writeHead(404).end();
      // The client's address (the peer, or what trusted proxies forwarded); any incoming value is replaced.
      req.headers[REMOTE_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.trustedProxies);
      options.next(req, res).catch((error: unknown) => {
        log().error({ err: error }, 'request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  };
}
