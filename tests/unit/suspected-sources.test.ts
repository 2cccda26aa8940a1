import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerIncident } from '@/server/dispatch';
import { listEnterprises } from '@/server/enterprises';
import { findSuspectedSources } from '@/server/one-map';
import { matchSubstances } from '@/server/one-map/match-substances';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
beforeAll(async () => {
  process.env.UPLOAD_DIR = `/tmp/ecodispatch-suspects-${process.pid}`;
  fixture = await createSeededDb({ withOneMaps: true });
});
afterAll(() => fixture.close());

describe('suspected sources', () => {
  it('lists the nearest enterprises holding oil for an oil-slick report, nearest first', async () => {
    const duty = await fixture.ctxFor('duty');
    const { incident } = await triggerIncident({
      ctx: duty,
      input: { planId: fixture.ids.planIds.get('water_oil')!, location: { lat: 29.5745, lng: 106.316 }, description: '含谷段河面油膜' },
    });
    const sources = await findSuspectedSources({ ctx: duty, input: { incidentId: incident.id } });
    expect(sources[0]!.name).toBe('重庆创想车神汽车零部件有限公司');
    expect(sources[0]!.matches.map((m) => m.code)).toEqual(expect.arrayContaining(['T-1', 'T-2']));
    expect(sources.map((s) => s.distanceMetres)).toEqual([...sources.map((s) => s.distanceMetres)].sort((a, b) => a - b));
    expect(sources.map((s) => s.name)).not.toContain('重庆西永微电子封装测试有限公司');
  });

  it('always puts the enterprise the incident is linked to first, with what it declares, whatever the type', async () => {
    const duty = await fixture.ctxFor('duty');
    const enterprises = await listEnterprises({ ctx: duty });
    const plant = enterprises.find((enterprise) => enterprise.name.includes('创想车神'))!;
    // A chemical spill at the auto-parts plant: its map holds cutting fluid, diesel and waste oil, none a "chemical" keyword.
    const { incident } = await triggerIncident({
      ctx: duty,
      input: {
        planId: fixture.ids.planIds.get('chemical_leak')!,
        location: plant.location,
        description: '车间切削液泄漏',
        enterpriseId: plant.id,
      },
    });
    const sources = await findSuspectedSources({ ctx: duty, input: { incidentId: incident.id } });
    expect(sources[0]).toMatchObject({ enterpriseId: plant.id, distanceMetres: 0 });
    expect(sources[0]!.matches.flatMap((match) => match.substances).join('、')).toMatch(/切削液|柴油|乳化液|机油/);
  });

  it('is for command only', async () => {
    const duty = await fixture.ctxFor('duty');
    const { incident } = await triggerIncident({
      ctx: duty,
      input: { planId: fixture.ids.planIds.get('air_pollution')!, location: { lat: 29.56, lng: 106.35 }, description: '异味投诉' },
    });
    await expect(findSuspectedSources({ ctx: await fixture.ctxFor('env3'), input: { incidentId: incident.id } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const air = await findSuspectedSources({ ctx: duty, input: { incidentId: incident.id } });
    expect(air[0]!.name).toBe('重庆科城热力有限公司');
  });

  it('matches stacks for air incidents and nothing for unknown types', () => {
    const stack = { code: 'BS-1', name: '烟囱', kind: 'boiler_stack', substances: [] } as never;
    expect(matchSubstances('air_pollution', [stack])).toHaveLength(1);
    expect(matchSubstances('unknown', [stack])).toEqual([]);
  });
});
