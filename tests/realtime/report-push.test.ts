import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverDeps } from '@/server/context';
import type { ReportUpdatedMessage } from '@/server/contracts/events';
import { confirmReport, dismissReport, fileReport } from '@/server/intake';
import { authenticateRequest, createIntegrationToken } from '@/server/integrations';
import { collect, settle, startRealtimeServer, waitFor } from '../helpers/realtime-server';

// A report from another system over Socket.IO: the command room (duty officers and admins of the
// jurisdiction) hears it filed and decided; field staff do not. Confirming it pages the plan's
// people like the button does.

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

const body = (text: string) => ({
  reporter: { name: '水质自动站' },
  time: new Date().toISOString(),
  location: { lat: 29.5873, lng: 106.3291 },
  type: 'water_oil',
  text,
});

describe('report:updated', () => {
  it('reaches the command room live, filed then confirmed or dismissed; field staff hear only their cards', async () => {
    const admin = await server.ctxFor('admin');
    const made = await createIntegrationToken({ ctx: admin, input: { name: '水质自动站', scope: 'report' } });
    const names = ['duty', 'duty2', 'admin', 'env1'] as const;
    const sockets = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await server.connectAs(name)] as const)));
    const inbox = Object.fromEntries(names.map((name) => [name, collect(sockets[name]!, 'report:updated')] as const)) as Record<
      (typeof names)[number],
      ReportUpdatedMessage[]
    >;
    const cards = collect(sockets.env1!, 'assignment:new');

    const deps = serverDeps();
    const caller = async () =>
      authenticateRequest(deps.db, {
        headers: new Headers({ authorization: `Bearer ${made.secret}` }),
        body: new Uint8Array(),
        now: new Date(),
      });
    const first = await fileReport({ deps, caller: await caller(), input: body('石油类超标') });
    await waitFor(() => inbox.duty.length === 1 && inbox.duty2.length === 1 && inbox.admin.length === 1);
    expect(inbox.duty[0]).toEqual({ messageId: `report:${first.report.id}:pending`, report: first.report });

    const duty = await server.ctxFor('duty');
    const confirmed = await confirmReport({
      ctx: duty,
      input: { reportId: first.report.id, planId: first.report.suggestedPlanId, drill: true },
    });
    await waitFor(() => inbox.duty2.length === 2 && cards.length === 1);
    expect(inbox.duty2[1]!.report).toMatchObject({ status: 'confirmed', incidentId: confirmed.incident.id });
    expect(cards[0]!.incidentId).toBe(confirmed.incident.id);

    const second = await fileReport({ deps, caller: await caller(), input: body('浊度跳变，疑似误报') });
    await waitFor(() => inbox.duty2.length === 3);
    await dismissReport({ ctx: duty, input: { reportId: second.report.id, reason: '设备故障' } });
    await waitFor(() => inbox.duty2.length === 4);
    expect(inbox.duty2[3]!.report).toMatchObject({ status: 'dismissed', dismissReason: '设备故障' });

    await settle();
    expect(inbox.env1).toEqual([]);
  });
});
