import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer; text: string };
type Reply = { status: number; body?: string };

/**
 * A real HTTP server on 127.0.0.1 (port 0) standing in for an SMS gateway, a group bot or a push
 * service: it records every request and answers with whatever `reply` says (200 by default).
 */
export async function startRecordingGateway() {
  const requests: RecordedRequest[] = [];
  let reply: (request: RecordedRequest) => Reply = () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, text: body.toString('utf8') };
      requests.push(recorded);
      const answer = reply(recorded);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Sets how the next requests are answered. */
    replyWith(next: Reply | ((request: RecordedRequest) => Reply)) {
      reply = typeof next === 'function' ? next : () => next;
    },
    json: <T = Record<string, unknown>>(index: number) => JSON.parse(requests[index]!.text) as T,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RecordingGateway = Awaited<ReturnType<typeof startRecordingGateway>>;
