/**
 * Whether a browser `Origin` names this server itself (same host and port as the request's Host)
 * or one of the configured extra origins. Shared by the HTTP guard and the Socket.IO door, so both
 * doors agree on what "our own page" means.
 */
export function isOwnOrigin(origin: string, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // `null` (sandboxed frames, file: pages, some redirects) and garbage are nobody's origin.
    return false;
  }
}
