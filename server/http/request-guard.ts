import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, forbidden, invalid } from '../kernel/errors';
import { refuse } from './refuse';
import { hasMalformedPath } from './bad-path';
import { bodyLimitFor, declaredLength } from './body-limit';
import { isFromOwnOrigin, isMachineCall, needsOriginProof } from './csrf';
import { newNonce, securityHeaders, type SecurityHeaderOptions } from './security-headers';

export type RequestGuardOptions = SecurityHeaderOptions & { allowedOrigins: readonly string[] };

/**
 * What every HTTP request passes before Next: security headers (with a CSP nonce that Next reads
 * from the request and puts on its inline scripts), then the refusals that must not depend on a
 * route remembering them: an undecodable path (400), a declared body over the route's cap (413),
 * a state-changing request (any method but GET and HEAD) that does not prove it comes from one of
 * our own pages (403), except another system's report carrying its credential (csrf.ts). Returns true when it answered the request.
 * Chunked bodies carry no length; the body readers (readJson, readUploadedFile) count those as
 * they arrive and stop at the same caps.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, options: RequestGuardOptions): boolean {
  const nonce = newNonce();
  for (const [name, value] of Object.entries(securityHeaders(nonce, options))) res.setHeader(name, value);
  // Next takes the nonce from the request's policy; whatever policy a client sent is replaced.
  req.headers['content-security-policy'] = res.getHeader('content-security-policy') as string;
  delete req.headers['content-security-policy-report-only'];

  const url = req.url ?? '/';
  if (hasMalformedPath(url)) return refused(req, res, invalid('badPath'), declaredLength(req.headers['content-length']));
  const pathname = url.split('?', 1)[0]!;
  // Size first: a refusal is cheap only while the body is still unread, whoever sent it.
  const length = declaredLength(req.headers['content-length']);
  if (length !== null && length > bodyLimitFor(pathname))
    return refused(req, res, new DomainError('payload_too_large', 'bodyTooLarge'), length);
  const isProven = isFromOwnOrigin(req.headers, options.allowedOrigins) || isMachineCall(req.method, pathname, req.headers);
  if (needsOriginProof(req.method) && !isProven) {
    return refused(req, res, forbidden('crossOrigin'), length);
  }
  return false;
}

/**
 * A refused request's body is never buffered. Up to DRAIN_LIMIT it is read and dropped after the
 * answer (Node does that for an unread body), because many clients, browsers uploading a file
 * among them, write the whole body before they read a response and would show a broken
 * connection instead of our message. A larger or unmeasured (chunked) body is not worth reading:
 * the connection is closed after the answer.
 */
const DRAIN_LIMIT = 32 * 1024 * 1024;

function refused(req: IncomingMessage, res: ServerResponse, error: DomainError, length: number | null): true {
  const isChunked = req.headers['transfer-encoding'] !== undefined;
  refuse(req, res, error, { closeConnection: isChunked || (length !== null && length > DRAIN_LIMIT) });
  return true;
}
