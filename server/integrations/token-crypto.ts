import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The secrets of an integration token. The bearer secret is kept only as its sha256 (enough to
// recognise it; a leaked database does not leak it). The HMAC signing secret must be readable by
// the server to check a signature, so it is a separate random secret stored AES-256-GCM-encrypted
// under a key from the environment (INTEGRATION_KEY_SECRET): the database alone does not yield it.

export const newBearerSecret = () => `edt_${randomBytes(32).toString('base64url')}`;
export const newSigningSecret = () => `eds_${randomBytes(32).toString('base64url')}`;
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const encryptionKey = (serverSecret: string) => createHash('sha256').update(`ecodispatch-integration-v1:${serverSecret}`).digest();

/** `v1.<base64 iv|tag|ciphertext>`, bound to the token id (additional data). */
export function encryptSigningSecret(secret: string, tokenId: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(serverSecret), iv);
  cipher.setAAD(Buffer.from(tokenId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The signing secret, or null when it cannot be read (another server key, tampered row). */
export function decryptSigningSecret(stored: string, tokenId: string, serverSecret: string): string | null {
  if (!stored.startsWith('v1.')) return null;
  const raw = Buffer.from(stored.slice(3), 'base64');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(serverSecret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(tokenId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** hex HMAC-SHA256 over `timestamp + "." + body`, as the sender computes it. */
export function signBody(signingSecret: string, timestamp: string, body: Uint8Array | string): string {
  return createHmac('sha256', signingSecret).update(`${timestamp}.`).update(body).digest('hex');
}

/** Constant-time comparison of a `sha256=<hex>` header against the expected hex digest. */
export function signatureMatches(header: string, expectedHex: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  return timingSafeEqual(Buffer.from(match[1]!.toLowerCase(), 'hex'), Buffer.from(expectedHex, 'hex'));
}
