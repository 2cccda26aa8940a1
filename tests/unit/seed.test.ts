import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
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
