import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { integrationTokens, type IntegrationToken } from '../../db/schema';
import { REPLAY_WINDOW_MS } from '../contracts/intake';
import { unauthenticated } from '../kernel/errors';
import { integrationKey } from './integration-key';
import { decryptSigningSecret, hashSecret, signBody, signatureMatches } from './token-crypto';

export const KEY_ID_HEADER = 'x-ecodispatch-key-id';
export const TIMESTAMP_HEADER = 'x-ecodispatch-timestamp';
export const SIGNATURE_HEADER = 'x-ecodispatch-signature';

/** Who posted a report: the token, and for a signed request its signature (remembered to refuse a replay). */
export type IntegrationCaller = { token: IntegrationToken; signature: string | null };

type HeaderSource = { get(name: string): string | null };

/**
 * Checks a report's credential: `Authorization: Bearer <token>`, or an HMAC-SHA256 over
 * `timestamp + "." + body` with the token's signing secret, the timestamp (Unix seconds) within
 * five minutes of now. Any failure is a 401 that says which (bad signature, stale, revoked); a
 * replayed signature is refused when the report is written (server/intake/file-report.ts).
 */
export async function authenticateRequest(
  db: DbOrTx,
  request: { headers: HeaderSource; body: Uint8Array; now: Date },
): Promise<IntegrationCaller> {
  const { headers, body, now } = request;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (bearer) {
    const [token] = await db
      .select()
      .from(integrationTokens)
      .where(eq(integrationTokens.tokenHash, hashSecret(bearer)));
    if (!token) throw unauthenticated('integrationTokenInvalid');
    if (token.revokedAt) throw unauthenticated('integrationTokenRevoked');
    return { token, signature: null };
  }

  const signature = headers.get(SIGNATURE_HEADER);
  const keyId = headers.get(KEY_ID_HEADER) ?? '';
  const timestamp = headers.get(TIMESTAMP_HEADER) ?? '';
  if (!signature) throw unauthenticated('integrationCredentialMissing');
  if (!/^\d{9,11}$/.test(timestamp)) throw unauthenticated('signatureStale');
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > REPLAY_WINDOW_MS) throw unauthenticated('signatureStale');
  if (!/^[0-9a-f-]{36}$/i.test(keyId)) throw unauthenticated('signatureInvalid');
  const [token] = await db.select().from(integrationTokens).where(eq(integrationTokens.id, keyId.toLowerCase()));
  const serverKey = integrationKey();
  const secret = token?.signingKeyCipher && serverKey ? decryptSigningSecret(token.signingKeyCipher, token.id, serverKey) : null;
  if (!token || !secret || !signatureMatches(signature, signBody(secret, timestamp, body))) throw unauthenticated('signatureInvalid');
  if (token.revokedAt) throw unauthenticated('integrationTokenRevoked');
  return { token, signature: signature.trim().toLowerCase() };
}
