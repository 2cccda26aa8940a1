import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRealtimeServer } from '../helpers/realtime-server';

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(() => server.stop());

it('Socket.IO long-polling answers carry the baseline security headers too', async () => {
  const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: await server.cookieFor('env1') } });
  await response.arrayBuffer();
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
});
