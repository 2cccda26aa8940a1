import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardRequest, type RequestGuardOptions } from '@/server/http/request-guard';

// The guard in front of Next, on a real HTTP server: what it refuses never reaches the handler.
type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

const OPTIONS: RequestGuardOptions = { isDev: false, isHttps: false, tileUrl: '', allowedOrigins: ['https://ops.example.gov.cn'] };
let server: Server;
let port = 0;
let reached: { url: string; csp: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (guardRequest(req, res, OPTIONS)) return;
    reached.push({ url: req.url ?? '', csp: req.headers['content-security-policy'] as string | undefined });
    req.resume();
    req.on('end', () => res.end('handled'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // An explicit length: Node sends a DELETE's body unframed otherwise.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => `http://127.0.0.1:${port}`;
const json = { 'content-type': 'application/json' };

describe('malformed paths', () => {
  it.each(['/api/incidents/%', '/api/incidents/%ff%fe', '/enterprises/%E0%A4%A/map'])(
    '%s is a 400 before anything else runs',
    async (path) => {
      reached = [];
      const reply = await send('GET', path);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
      expect(reached).toEqual([]);
    },
  );

  it('a well-formed escape passes', async () => {
    expect((await send('GET', '/api/incidents/%E6%B2%B9?q=%')).status).toBe(200);
  });
});

describe('state-changing requests must come from our own origin', () => {
  it.each([
    ['a foreign origin', { origin: 'http://evil.example' }],
    ['another port of the same host (same-site)', { origin: 'http://127.0.0.1:1' }],
    ['Origin: null', { origin: 'null' }],
    ['no Origin at all', {}],
    ['no Origin, cross-site fetch metadata', { 'sec-fetch-site': 'same-site' }],
  ])('%s is refused with 403 and a localized error', async (_name, headers) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      reached = [];
      const reply = await send(
        method,
        '/api/incidents',
        { ...headers, 'content-type': 'text/plain', 'accept-language': 'en' },
        '{"planId":"x"}',
      );
      expect(reply.status, method).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('EcoDispatch') } });
      expect(reached).toEqual([]);
    }
  });

  it.each([
    ['our own origin', () => ({ origin: own() })],
    ['an origin in ALLOWED_ORIGINS', () => ({ origin: 'https://ops.example.gov.cn' })],
    ['no Origin but Sec-Fetch-Site: same-origin', () => ({ 'sec-fetch-site': 'same-origin' })],
  ])('%s passes', async (_name, headers) => {
    expect((await send('POST', '/api/incidents', { ...headers(), ...json }, '{}')).status).toBe(200);
  });

  it('POST /api/reports passes without an Origin only with an integration credential (the route then checks it)', async () => {
    reached = [];
    expect((await send('POST', '/api/reports', { authorization: 'Bearer edt_x', ...json }, '{}')).status).toBe(200);
    const signed = { 'x-ecodispatch-key-id': 'k', 'x-ecodispatch-timestamp': '1', 'x-ecodispatch-signature': 'sha256=00' };
    expect((await send('POST', '/api/reports', { ...signed, ...json }, '{}')).status).toBe(200);
    expect(reached.map((hit) => hit.url)).toEqual(['/api/reports', '/api/reports']);
    reached = [];
    // A browser's cross-site form post carries no credential: refused as before.
    const form = { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
    expect((await send('POST', '/api/reports', form, 'text=x')).status).toBe(403);
    expect((await send('POST', '/api/reports', {}, '{}')).status).toBe(403);
    expect((await send('POST', '/api/reports', { authorization: 'Basic eDp5', ...json }, '{}')).status).toBe(403);
    // The exemption is this one path and method only.
    expect((await send('POST', '/api/reports/x/dismissal', { authorization: 'Bearer edt_x', ...json }, '{}')).status).toBe(403);
    expect((await send('POST', '/api/incidents', { authorization: 'Bearer edt_x', ...json }, '{}')).status).toBe(403);
    expect((await send('PUT', '/api/reports', { authorization: 'Bearer edt_x', ...json }, '{}')).status).toBe(403);
    expect(reached).toEqual([]);
  });

  it('reads (GET, HEAD) need no proof', async () => {
    expect((await send('GET', '/api/incidents', { origin: 'http://evil.example' })).status).toBe(200);
    expect((await send('HEAD', '/api/incidents')).status).toBe(200);
  });
});

describe('body size is checked before the body is read', () => {
  it('a declared 400 MB body is answered 413 while almost all of it is still unsent, and the connection is closed', async () => {
    reached = [];
    const reply = await new Promise<Reply & { sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0;
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/locale', headers: { ...json, 'content-length': String(400 * 1024 * 1024) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, sentBytes }));
        },
      );
      req.on('error', reject);
      // One MiB, then wait: a server that buffered the body first would never answer.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 16; i += 1) {
        req.write(chunk);
        sentBytes += chunk.length;
      }
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(reply.sentBytes).toBeLessThan(2 * 1024 * 1024);
    expect(reached).toEqual([]);
  });

  it('a client that writes a slightly oversized upload in full before reading still gets the 413, not a broken connection', async () => {
    const body = Buffer.alloc(11 * 1024 * 1024, 7).toString('latin1');
    const reply = await send(
      'POST',
      '/api/enterprises/e1/site-plan',
      { origin: own(), 'content-type': 'multipart/form-data; boundary=x' },
      body,
    );
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('JSON routes are held to 64 KiB, uploads and plans to their own caps', async () => {
    const declared = (path: string, bytes: number) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path, headers: { origin: own(), 'content-length': String(bytes) } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', () => undefined);
        req.write(Buffer.alloc(Math.min(bytes, 1024)));
        setTimeout(() => (req.destroyed ? undefined : reject(new Error(`no answer for ${path}`))), 2_000).unref();
      });
    expect(await declared('/api/incidents', 64 * 1024 + 1)).toBe(413);
    expect(await declared('/api/admin/plans', 256 * 1024 + 1)).toBe(413);
    expect(await declared('/api/enterprises/e1/site-plan', 12 * 1024 * 1024)).toBe(413);
  });
});

describe('security headers', () => {
  it('every response, refused or not, carries them; each has its own nonce, and Next gets it from the request', async () => {
    reached = [];
    const forged = "script-src 'nonce-attacker'";
    const pages = [await send('GET', '/dashboard', { 'content-security-policy': forged }), await send('GET', '/dashboard')];
    const refused = await send('POST', '/api/incidents', { origin: 'http://evil.example' });
    for (const reply of [...pages, refused]) {
      expect(reply.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.headers['content-security-policy']).not.toContain('unsafe-eval');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(reply.headers['permissions-policy']).toMatch(/geolocation=\(self\).*camera=\(self\)/);
      expect(reply.headers['strict-transport-security']).toBeUndefined();
    }
    const nonces = pages.map((reply) => /'nonce-([^']+)'/.exec(reply.headers['content-security-policy'] as string)![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(reached.map((entry) => entry.csp)).toEqual(pages.map((reply) => reply.headers['content-security-policy']));
  });
});
