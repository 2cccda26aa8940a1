import { createHmac, timingSafeEqual } from 'node:crypto';

/** A reply older or newer than this is refused as a replay (or a badly wrong clock). */
export const INBOUND_WINDOW_MS = 5 * 60_000;

/**
 * The SMS gateway's inbound call proves itself as our outbound calls do, with the same secret:
 * `X-EcoDispatch-Timestamp: <unix seconds>` and `X-EcoDispatch-Signature: sha256=<hex
 * HMAC-SHA256(SMS_GATEWAY_SECRET, "<timestamp>.<raw body>")>`, the timestamp within 5 minutes.
 * Without a configured secret nothing is accepted.
 */
export function isSignedInbound(headers: Headers, rawBody: string, secret: string, now: Date): boolean {
  if (!secret) return false;
  const timestamp = headers.get('x-ecodispatch-timestamp') ?? '';
  const signature = headers.get('x-ecodispatch-signature') ?? '';
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > INBOUND_WINDOW_MS) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
