import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, incidents, users } from '@/db/schema';
import { listDrillHistory } from '@/server/review';
import { getPublishedMap } from '@/server/one-map';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
beforeAll(async () => {
  process.env.UPLOAD_DIR = `/tmp/ecodispatch-seed-test-${process.pid}`;
  fixture = await createSeededDb({ withOneMaps: true });
});
afterAll(() => fixture.close());

describe('demo seed', () => {
  it('has at least 12 field staff, some off duty, and the documented accounts', async () => {
    const all = await fixture.db.select().from(users);
    const field = all.filter((u) => u.role === 'field_staff');
    expect(field.length).toBeGreaterThanOrEqual(12);
    expect(field.some((u) => !u.isOnDuty)).toBe(true);
    for (const name of ['admin', 'duty', 'env1', 'env2', 'police1', 'emerg1', 'ent1', 'ent2']) {
      expect(all.map((u) => u.username)).toContain(name);
    }
    for (const name of ['env1', 'police1', 'emerg1']) expect(field.find((u) => u.username === name)!.isOnDuty).toBe(true);
  });

  it('publishes a one-map with 8–20 georeferenced risk points for every demo enterprise', async () => {
    const duty = await fixture.ctxFor('duty');
    const stale: string[] = [];
    for (const [key, enterpriseId] of fixture.ids.enterpriseIds) {
      const map = await getPublishedMap({ ctx: duty, input: { enterpriseId } });
      expect(map.riskPoints.length, key).toBeGreaterThanOrEqual(8);
      expect(map.riskPoints.length, key).toBeLessThanOrEqual(20);
      expect(map.plan).toMatchObject({ width: 1600, height: 1100 });
      expect(map.riskPoints.every((p) => p.lat !== null && p.lng !== null)).toBe(true);
      expect(map.contacts.length).toBeGreaterThan(0);
      if (map.isStale) stale.push(key);
    }
    expect(stale).toEqual(['chem']);
    const wwtp = await getPublishedMap({ ctx: duty, input: { enterpriseId: fixture.ids.enterpriseIds.get('wwtp')! } });
    expect(wwtp.riskPoints.find((p) => p.code === 'V-3')).toMatchObject({ kind: 'valve', name: '总排口排污阀' });
  });
});

describe('demo seed: past drills and incidents', () => {
  it('gives the river-oil plan a scored drill history and the statistics real incidents, all lifted and closed', async () => {
    const seeded = await createSeededDb({ withHistory: true });
    try {
      const duty = await seeded.ctxFor('duty');
      const history = await listDrillHistory({ ctx: duty });
      expect(history).toHaveLength(1);
      const drills = history[0]!.drills;
      expect(drills.length).toBeGreaterThanOrEqual(3);
      expect(drills.every((drill) => drill.status === 'lifted' && drill.scoreCard.pending === 0)).toBe(true);
      // Better over time: the latest drill meets more targets than the first.
      expect(drills.at(-1)!.scoreCard.met).toBeGreaterThan(drills[0]!.scoreCard.met);
      const past = await seeded.db.select().from(incidents);
      expect(past.some((incident) => !incident.isDrill)).toBe(true);
      expect(past.every((incident) => incident.status === 'lifted' && incident.createdAt < new Date())).toBe(true);
      const cards = await seeded.db.select().from(assignments);
      expect(cards.every((card) => card.closedAt !== null && card.nextPushAt === null && card.nextEscalationAt === null)).toBe(true);
    } finally {
      await seeded.close();
    }
  });
});
