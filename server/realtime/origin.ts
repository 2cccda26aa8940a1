import type { IncomingMessage } from 'node:http';
import { isOwnOrigin } from '../http/origin-policy';

/**
 * A browser always sends Origin on a WebSocket or polling request. We accept the server's own
 * origin (same host) and the configured extras; anything else is a cross-site attempt to ride
 * a duty officer's cookie. Non-browser clients (no Origin) still need a valid session cookie.
 */
export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  return origin === undefined || isOwnOrigin(origin, request.headers.host, allowedOrigins);
}
