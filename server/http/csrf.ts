import type { IncomingHttpHeaders } from 'node:http';
import { isOwnOrigin } from './origin-policy';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Requests that may change state must prove they come from our own pages: every method but GET and
 * HEAD, on every path (the API, and anything Next might one day treat as an action).
 */
export function needsOriginProof(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

/**
 * The one exemption: `POST /api/reports`, called by other systems (no browser, no Origin, no
 * session), when it carries an integration credential, a bearer token or an HMAC signature. The
 * route accepts it only if that credential is valid (server/integrations/authenticate-request.ts)
 * and never reads the session cookie, so a forged cross-site post gains nothing: a form cannot set
 * these headers, and a cross-site fetch that sets them needs a CORS preflight we never grant.
 */
export const INTEGRATION_REPORT_PATH = '/api/reports';

export function isIntegrationReport(method: string | undefined, pathname: string, headers: IncomingHttpHeaders): boolean {
  if ((method ?? '').toUpperCase() !== 'POST' || pathname !== INTEGRATION_REPORT_PATH) return false;
  const authorization = headers.authorization ?? '';
  const signature = headers['x-ecodispatch-signature'];
  return /^Bearer\s+\S+/i.test(authorization) || (typeof signature === 'string' && signature !== '');
}

/**
 * The proof: an Origin of ours, or, where a browser sent no Origin, `Sec-Fetch-Site: same-origin`.
 * A request with neither (curl, a forged form from an old browser, `Origin: null`) is refused:
 * SameSite=Lax cookies do not stop a page on another port of the same host, which is same-site.
 */
export function isFromOwnOrigin(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return isOwnOrigin(origin, headers.host, allowedOrigins);
  return headers['sec-fetch-site'] === 'same-origin';
}
