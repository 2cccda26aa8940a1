import { DomainError, invalid } from '../errors';

/**
 * Reads one file field from a multipart request without ever holding more than `maxBytes`
 * (plus a little for the form envelope): an oversized upload is cut off and refused with 413.
 */
export async function readUploadedFile(request: Request, field: string, maxBytes: number): Promise<Uint8Array | null> {
  const limit = maxBytes + 64 * 1024;
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () => new DomainError('payload_too_large', 'imageTooLarge', { maxMb: maxBytes / 1_048_576 });
  if (declared > limit) throw tooLarge();
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) throw invalid('fileMissing', { field });
  if (!request.body) throw invalid('fileMissing', { field });

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  } catch {
    throw invalid('fileMissing', { field });
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) return null;
  return new Uint8Array(await file.arrayBuffer());
}
