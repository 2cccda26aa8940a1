import { DomainError, invalid } from '../kernel/errors';
import { MULTIPART_ENVELOPE } from './body-limit';
import { readCappedBody } from './read-body';

/**
 * Reads one file field from a multipart request without ever holding more than `maxBytes`
 * (plus a little for the form envelope): an oversized upload is cut off and refused with 413.
 */
export async function readUploadedFile(request: Request, field: string, maxBytes: number): Promise<Uint8Array | null> {
  const tooLarge = () => new DomainError('payload_too_large', 'imageTooLarge', { maxMb: maxBytes / 1_048_576 });
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) throw invalid('fileMissing', { field });
  if (!request.body) throw invalid('fileMissing', { field });
  const body = await readCappedBody(request, maxBytes + MULTIPART_ENVELOPE, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  } catch {
    throw invalid('fileMissing', { field });
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) return null;
  return new Uint8Array(await file.arrayBuffer());
}
