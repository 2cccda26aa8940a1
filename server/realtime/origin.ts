import type { IncomingMessage } from 'node:http';

/**
 * A browser always sends Origin on a WebSocket or polling request. We accept the server's own
 * origin (same host) and the configured extras; anything else is a cross-site attempt to ride
 * a duty officer's cookie. Non-browser clients (no Origin) still need a valid session cookie.
 */
export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
