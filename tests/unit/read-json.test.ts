import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/kernel/errors';
import { readJson } from '@/server/http/respond';

// What a JSON route handler gets from its body, or the refusal it answers with.
const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function refusal(request: Request) {
  const error = await readJson(request).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

/** A body with no declared length, arriving in `count` chunks of `size` bytes. */
function chunked(count: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === count) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe('readJson', () => {
  it('parses a body declared as JSON, with or without a charset', async () => {
    expect(await readJson(post('/api/x', '{"a":1}', { 'content-type': 'application/json' }))).toEqual({ a: 1 });
    expect(await readJson(post('/api/x', '{"a":1}', { 'content-type': 'Application/JSON; charset=utf-8' }))).toEqual({ a: 1 });
  });

  it('reads an empty body without a type as {}', async () => {
    expect(await readJson(post('/api/x', null))).toEqual({});
  });

  it.each([
    ['text/plain (a forged form with enctype=text/plain)', 'text/plain'],
    ['a URL-encoded form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a lookalike type', 'application/jsonp'],
  ])('refuses %s with 415 even when the text is valid JSON', async (_name, type) => {
    expect(await refusal(post('/api/x', '{"planId":"p"}', { 'content-type': type }))).toBe('unsupported_media_type');
  });

  it('refuses malformed JSON with 400', async () => {
    expect(await refusal(post('/api/x', '{"a":', { 'content-type': 'application/json' }))).toBe('invalid_input');
  });

  it('counts a chunked body as it arrives and stops at the route cap (64 KiB) with 413', async () => {
    const stream = chunked(1_000_000, 1024); // would be about 1 GB if read to the end
    expect(await refusal(post('/api/x', stream, { 'content-type': 'application/json' }))).toBe('payload_too_large');
  });

  it('gives the routes with larger documents their own cap', async () => {
    const body = `{"text":"${'x'.repeat(100 * 1024)}"}`;
    expect(await refusal(post('/api/incidents', body, { 'content-type': 'application/json' }))).toBe('payload_too_large');
    expect(await readJson(post('/api/admin/plans', body, { 'content-type': 'application/json' }))).toMatchObject({
      text: expect.any(String),
    });
  });
});
