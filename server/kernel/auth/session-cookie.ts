import { SESSION_COOKIE } from './session';

/**
 * The session cookie's name. Over HTTPS (COOKIE_SECURE=1) it carries the `__Host-` prefix: the
 * browser then accepts it only with Secure, from this very host, for path `/`, so a page on a
 * sibling subdomain can neither plant a session (login fixation) nor overwrite ours.
 */
export const sessionCookieName = (isSecure: boolean) => (isSecure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

/**
 * SameSite=Lax, not Strict. Cross-site forgery is stopped by the Origin check on every
 * state-changing request (server/http/csrf.ts), which Lax/Strict cannot do on their own for a page
 * on another port of the same host. Strict would add nothing there, but it would drop the cookie
 * on every top-level link from another site, and that is how responders reach their card: the
 * link in an SMS, a WeCom/DingTalk robot message or a web-mail alert. They would land on the login
 * page in the middle of an incident.
 */
export function sessionCookieOptions(isSecure: boolean, expires: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path: '/', expires };
}
