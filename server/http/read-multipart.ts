import { DomainError, invalid } from '../kernel/errors';
import { readCappedBody } from './read-body';

/**
 * Reads a whole multipart form without ever holding more than `maxBytes`: an oversized upload is
 * cut off and refused with 413 before any of it is parsed.
 */
export async function readMultipartForm(request: Request, maxBytes: number, messageKey = 'photoTooLarge'): Promise<FormData> {
  const tooLarge = () => new DomainError('payload_too_large', messageKey, { maxMb: Math.floor(maxBytes / 1_048_576) });
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || !request.body) throw invalid('multipartRequired');
  const body = await readCappedBody(request, maxBytes, tooLarge);
  try {
    return await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalid('multipartRequired');
  }
}
