// Typed domain errors. Route handlers and socket handlers map them to a status or an ack
// error in one place (server/http/respond.ts, server/realtime/ack.ts).
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = { field?: string; reason?: string; [key: string]: unknown };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A message-catalog key under `errors.` that explains the problem to a person. */
    readonly messageKey: string,
    readonly details: ErrorDetails = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'DomainError';
  }
}

export const invalid = (messageKey: string, details?: ErrorDetails) => new DomainError('invalid_input', messageKey, details);
export const forbidden = (messageKey = 'forbidden') => new DomainError('forbidden', messageKey);
export const notFound = (messageKey = 'notFound') => new DomainError('not_found', messageKey);
export const conflict = (messageKey: string, details?: ErrorDetails) => new DomainError('conflict', messageKey, details);
export const unauthenticated = (messageKey = 'unauthenticated') => new DomainError('unauthenticated', messageKey);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};
