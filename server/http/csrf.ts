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

const carriesIntegrationCredential = (headers: IncomingHttpHeaders) => {
  const signature = headers['x-ecodispatch-signature'];
  return /^Bearer\s+\S+/i.test(headers.authorization ?? '') || (typeof signature === 'string' && signature !== '');
};

/**
 * The exemptions, all in one place: paths other systems post to, with no browser, no Origin and no
 * session, and what such a call must carry to pass here. Each route then checks that credential
 * itself and never reads the session cookie, so a forged cross-site post gains nothing: a form
 * cannot set these headers, and a cross-site fetch that sets them needs a CORS preflight we never
 * grant. Exactly these paths, nothing under or beside them.
 *   /api/reports      another system's report: a bearer token or an HMAC signature
 *                     (server/integrations/authenticate-request.ts); POST only
 *   /api/sms/inbound  the SMS gateway's replies: the route checks their HMAC signature
 *                     (app/api/sms/inbound/route.ts), so an unsigned one is answered 401 there
 */
const MACHINE_CALLS: Record<string, (method: string, headers: IncomingHttpHeaders) => boolean> = {
  '/api/reports': (method, headers) => method === 'POST' && carriesIntegrationCredential(headers),
  '/api/sms/inbound': () => true,
};

export function isMachineCall(method: string | undefined, pathname: string, headers: IncomingHttpHeaders): boolean {
  return Object.hasOwn(MACHINE_CALLS, pathname) && MACHINE_CALLS[pathname]!((method ?? '').toUpperCase(), headers);
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
