import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { enterprises, jurisdictions, users } from '@/db/schema';
import { JURISDICTION } from '@/server/seed/seed-data';
import { toActor } from '@/server/kernel/auth/actor';
import { createContext } from '@/server/context';
import { liftIncident, triggerIncident } from '@/server/dispatch';
import { listEnterprises } from '@/server/enterprises';
import { getJurisdiction } from '@/server/jurisdictions';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

/** A second district with its own enterprise and duty officer, to prove nothing leaks across. */
async function addChengdu() {
  const jurisdictionId = randomUUID();
  await fixture.db
    .insert(jurisdictions)
    .values({ id: jurisdictionId, name: '成都高新区', nameEn: 'Chengdu Hi-Tech Zone', centerLat: 30.58, centerLng: 104.06, zoom: 12 });
  const enterpriseId = randomUUID();
  await fixture.db.insert(enterprises).values({
    id: enterpriseId,
    jurisdictionId,
    name: '成都某化工厂',
    address: '成都高新区天府大道',
    industry: '化工',
    lat: 30.57,
    lng: 104.07,
    riskLevel: 'major',
    contactName: '甲',
    contactPhone: '13800000000',
  });
  const [user] = await fixture.db
    .insert(users)
    .values({ id: randomUUID(), jurisdictionId, username: 'cd-duty', passwordHash: 'x', displayName: '成都值班', role: 'duty_officer' })
    .returning();
  return { jurisdictionId, enterpriseId, ctx: createContext(toActor(user!), { db: fixture.db, emitter: fixture.emitter }) };
}

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe('listEnterprises', () => {
  it('gives duty officers and admins every enterprise of their own jurisdiction and none of another', async () => {
    fixture = await createSeededDb();
    const chengdu = await addChengdu();
    const own = [...fixture.ids.enterpriseIds.values()].sort();
    for (const username of ['duty', 'admin']) {
      const list = await listEnterprises({ ctx: await fixture.ctxFor(username) });
      expect(idsOf(list)).toEqual(own);
    }
    const wwtp = (await listEnterprises({ ctx: await fixture.ctxFor('duty') })).find((e) => e.id === fixture.ids.enterpriseIds.get('wwtp'));
    expect(wwtp).toMatchObject({ riskLevel: 'larger', location: { lat: 29.5912, lng: 106.3268 }, industry: '污水处理' });
    expect(idsOf(await listEnterprises({ ctx: chengdu.ctx }))).toEqual([chengdu.enterpriseId]);
  });

  it('gives an enterprise account only its own enterprise', async () => {
    fixture = await createSeededDb();
    expect(idsOf(await listEnterprises({ ctx: await fixture.ctxFor('ent1') }))).toEqual([fixture.ids.enterpriseIds.get('wwtp')]);
    expect(idsOf(await listEnterprises({ ctx: await fixture.ctxFor('ent2') }))).toEqual([fixture.ids.enterpriseIds.get('autoparts')]);
  });

  it('gives field staff only the enterprises linked to incidents of their open assignments, until the alarm is lifted', async () => {
    fixture = await createSeededDb();
    const env1 = await fixture.ctxFor('env1');
    expect(await listEnterprises({ ctx: env1 })).toEqual([]);

    const duty = await fixture.ctxFor('duty');
    const wwtpId = fixture.ids.enterpriseIds.get('wwtp')!;
    const { incident } = await triggerIncident({
      ctx: duty,
      input: {
        planId: fixture.ids.planIds.get('water_oil')!,
        location: RIVER_POINT,
        description: '污水厂排口附近水面油污',
        enterpriseId: wwtpId,
        drill: true,
      },
    });
    // An incident without an enterprise adds nothing.
    await triggerIncident({
      ctx: duty,
      input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '河面漂浮油膜' },
    });

    expect(idsOf(await listEnterprises({ ctx: env1 }))).toEqual([wwtpId]);
    // env3 is on duty but not paged by this plan.
    expect(await listEnterprises({ ctx: await fixture.ctxFor('env3') })).toEqual([]);

    await liftIncident({ ctx: duty, input: { incidentId: incident.id, reason: '演练结束' } });
    expect(await listEnterprises({ ctx: env1 })).toEqual([]);
  });
});

describe('getJurisdiction', () => {
  it.each(['duty', 'env1', 'ent1', 'admin'])('returns the caller’s own jurisdiction with its map view (%s)', async (username) => {
    fixture = await createSeededDb();
    const view = await getJurisdiction({ ctx: await fixture.ctxFor(username) });
    expect(view).toEqual({
      id: fixture.ids.jurisdictionId,
      name: JURISDICTION.name,
      nameEn: JURISDICTION.nameEn,
      center: { lat: JURISDICTION.centerLat, lng: JURISDICTION.centerLng },
      zoom: JURISDICTION.zoom,
    });
  });

  it('returns another district to that district’s own officer', async () => {
    fixture = await createSeededDb();
    const chengdu = await addChengdu();
    const view = await getJurisdiction({ ctx: chengdu.ctx });
    expect(view).toMatchObject({ id: chengdu.jurisdictionId, name: '成都高新区', center: { lat: 30.58, lng: 104.06 }, zoom: 12 });
  });
});
