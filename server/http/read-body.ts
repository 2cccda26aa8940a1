/**
 * Reads a request body to its end without ever holding more than `maxBytes`: the declared length
 * is checked first, and a chunked body is counted as it arrives and cut off at the cap.
 */
export async function readCappedBody(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer<ArrayBuffer>> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
