import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { triggerIncident } from '@/server/dispatch';
import { moveRiskPoint, publishMap } from '@/server/one-map';
import { listEnterprises } from '@/server/enterprises/list-enterprises';
import { listPlans } from '@/server/plans/list-plans';
import { getPublishedMap } from '@/server/one-map';
import { collect, settle, startRealtimeServer, waitFor } from '../helpers/realtime-server';

// The one-map over Socket.IO: a publish reaches command and the responders assigned at that
// enterprise, and nobody else — not another enterprise, not unassigned field staff.

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  process.env.UPLOAD_DIR = `/tmp/ecodispatch-rt-${process.pid}`;
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

describe('map:published', () => {
  it('reaches command and assigned responders only', async () => {
    const duty = await server.ctxFor('duty');
    const enterprises = await listEnterprises({ ctx: duty });
    const wwtp = enterprises.find((e) => e.name.includes('污水处理厂'))!;
    const plan = (await listPlans({ ctx: duty })).find((p) => p.incidentType === 'water_oil')!;
    await triggerIncident({
      ctx: duty,
      input: { planId: plan.id, location: wwtp.location, description: '排口油污', enterpriseId: wwtp.id },
    });

    const names = ['duty', 'env1', 'env3', 'ent1', 'ent2', 'police2'] as const;
    const inbox = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, collect(await server.connectAs(n), 'map:published')] as const)),
    );

    const ent1 = await server.ctxFor('ent1');
    const point = (await getPublishedMap({ ctx: ent1, input: { enterpriseId: wwtp.id } })).riskPoints.find((p) => p.code === 'V-3')!;
    await moveRiskPoint({ ctx: ent1, input: { enterpriseId: wwtp.id, pointId: point.id, x: point.x + 40, y: point.y } });
    const published = await publishMap({ ctx: ent1, input: { enterpriseId: wwtp.id } });

    await waitFor(() => inbox.duty!.length === 1 && inbox.env1!.length === 1);
    await settle();
    expect(inbox.duty![0]).toEqual({ messageId: `map:${wwtp.id}:${published.version}`, enterpriseId: wwtp.id, version: published.version });
    expect(inbox.env1).toHaveLength(1);
    // police1 is assigned too, but not connected here; police2, env3 and both enterprises are not told.
    for (const name of ['env3', 'ent1', 'ent2', 'police2'] as const) expect(inbox[name], name).toHaveLength(0);
  });
});
