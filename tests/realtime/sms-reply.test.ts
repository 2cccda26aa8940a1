import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments } from '@/db/schema';
import type { RoleCard } from '@/server/contracts/dispatch';
import { POST } from '@/app/api/sms/inbound/route';
import { collect, startRealtimeServer, waitFor } from '../helpers/realtime-server';

// 收到 by SMS reply, through the route handler itself on the running server: the signed reply
// acknowledges env1's card, and the duty officer's board and env1's open phone are told.
const SECRET = 'inbound-test-secret';

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer({ SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_SECRET: SECRET });
});
afterEach(async () => {
  await server.stop();
});

function inbound(body: unknown, secret = SECRET) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
  return POST(
    new Request('http://127.0.0.1/api/sms/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ecodispatch-timestamp': timestamp, 'x-ecodispatch-signature': signature },
      body: raw,
    }),
  );
}

describe('收到 by SMS reply', () => {
  it('a signed reply from env1’s number acknowledges the card; the board and the phone hear it at once', { timeout: 20_000 }, async () => {
    const duty = await server.connectAs('duty');
    const env1 = await server.connectAs('env1');
    env1.on('assignment:new', (_card: RoleCard, receipt) => typeof receipt === 'function' && receipt({ received: true }));
    const board = collect(duty, 'assignment:updated');
    const phone = collect(env1, 'assignment:updated');
    const result = await server.triggerPlan();
    const mine = result.assignments.find((a) => a.username === 'env1')!;

    // (A wrong signature's 401 is an error response, which needs Next's request scope: tests/unit/sms-reply.test.ts and the e2e authorization matrix cover it.)
    const answer = await inbound({ from: `+86${mine.phone}`, text: '收到', id: 'gw-1' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ outcome: 'acknowledged', assignmentId: mine.id });
    await waitFor(() => board.some((u) => u.assignment.id === mine.id && u.assignment.acknowledgedVia === 'sms'));
    await waitFor(() => phone.some((u) => u.assignment.id === mine.id && u.assignment.status === 'acknowledged'));
    expect((await server.db.select().from(assignments).where(eq(assignments.id, mine.id)))[0]).toMatchObject({
      status: 'acknowledged',
      acknowledgedVia: 'sms',
      nextEscalationAt: null,
    });

    // An unknown number: answered 200 so the gateway stops, nothing changed.
    const unknown = await inbound({ from: '13900000000', text: '收到' });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ outcome: 'ignored', reason: 'unknown_number' });
  });
});
