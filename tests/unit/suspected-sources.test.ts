import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerIncident } from '@/server/dispatch';
import { listEnterprises } from '@/server/enterprises';
import { findSuspectedSources } from '@/server/one-map';
import { categoriesOf, matchSubstances } from '@/server/one-map/match-substances';
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
    // A chemical spill at the auto-parts plant: its cutting fluid, diesel and waste oil are 油类物质, a liquid category.
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
    expect(sources[0]!.matches.find((match) => match.code === 'T-2')!.categories['柴油']).toMatchObject({ id: 'oil', zh: '油类物质' });
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

const point = (code: string, ...names: string[]) =>
  ({ code, name: code, kind: 'storage_tank', substances: names.map((name) => ({ name, maxQuantity: 1, unit: 't' })) }) as never;
// The auto-parts plant's declared substances, as seeded.
const autoParts = [point('T-1', '切削液（乳化液）'), point('T-2', '润滑油', '柴油'), point('HW-1', '废乳化液', '废机油')];
const matched = (matches: ReturnType<typeof matchSubstances>) => matches.flatMap((match) => match.substances).sort();

describe('substance categories (HJ 941-2018 附录A)', () => {
  it("puts the auto-parts plant's cutting fluid, diesel, waste emulsion and waste oil in 油类物质", () => {
    for (const name of ['切削液（乳化液）', '柴油', '废乳化液', '废机油', '润滑油']) {
      expect(
        categoriesOf(name).map((category) => category.id),
        name,
      ).toContain('oil');
    }
    expect(categoriesOf('柴油')[0]).toEqual({ id: 'oil', zh: '油类物质', en: 'Oils' });
  });

  it('matches them for an oil spill and for a chemical spill, with the category', () => {
    const all = ['切削液（乳化液）', '废乳化液', '废机油', '柴油', '润滑油'].sort();
    expect(matched(matchSubstances('water_oil', autoParts))).toEqual(all);
    const chemical = matchSubstances('chemical_leak', autoParts);
    expect(matched(chemical)).toEqual(all);
    expect(chemical.find((match) => match.code === 'HW-1')!.categories['废乳化液']).toMatchObject({ id: 'oil', zh: '油类物质' });
  });

  it('finds declared risk substances for an incident type it has no mapping for, but not harmless ones', () => {
    const plant = [point('P-1', '聚合氯化铝'), point('P-2', '次氯酸钠溶液'), point('P-3', '天然气')];
    expect(matched(matchSubstances('sewer_blockage_new_type', plant))).toEqual(['天然气', '次氯酸钠溶液']);
    expect(matched(matchSubstances('water_oil', plant))).toEqual([]);
  });

  it('matches synonyms, English names and CAS numbers, and not on a single character inside a word', () => {
    expect(categoriesOf('液碱').map((category) => category.id)).toEqual(['alkali']);
    expect(categoriesOf('Diesel fuel').map((category) => category.id)).toEqual(['oil']);
    expect(categoriesOf('储罐物料 CAS 7664-93-9').map((category) => category.id)).toEqual(['acid']);
    expect(categoriesOf('Toluene 108-88-3').map((category) => category.id)).toEqual(['toxic_liquid', 'flammable_liquid']);
    expect(categoriesOf('氨').map((category) => category.id)).toEqual(['toxic_gas']);
    expect(categoriesOf('聚合氯化铝')).toEqual([]);
    expect(categoriesOf('misleading note')).toEqual([]);
    expect(matched(matchSubstances('chemical_leak', [point('X', '盐酸（31%）', '氢氧化钠溶液（32%）', '甲苯')]))).toEqual(
      ['氢氧化钠溶液（32%）', '甲苯', '盐酸（31%）'].sort(),
    );
  });
});
