import { DomainError, invalid } from '../kernel/errors';
import { bodyLimitFor } from './body-limit';
import { readCappedBody } from './read-body';

/**
 * A machine call's signed body (another system's report, the SMS gateway's reply) as bytes, which
 * the HMAC covers exactly as sent, and as JSON. Like readJson: it
 * must be declared JSON (415), within the route's cap (413), and parse (400).
 */
export async function readSignedJsonBody(request: Request): Promise<{ bytes: Uint8Array; parse: () => unknown }> {
  const contentType = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') throw new DomainError('unsupported_media_type', 'jsonRequired');
  const bytes = await readCappedBody(
    request,
    bodyLimitFor(new URL(request.url).pathname),
    () => new DomainError('payload_too_large', 'bodyTooLarge'),
  );
  return {
    bytes,
    parse: () => {
      try {
        return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      } catch {
        throw invalid('invalidJson');
      }
    },
  };
}
