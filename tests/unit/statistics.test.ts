import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { incidents } from '@/db/schema';
import { acknowledgeAssignment, triggerIncident } from '@/server/dispatch';
import { DomainError } from '@/server/kernel/errors';
import { getStatistics, statisticsCsv, statisticsXlsx } from '@/server/statistics';
import { buildStatistics, type StatisticsFacts } from '@/server/statistics/build-statistics';
import { csvField } from '@/server/statistics/export-statistics';
import { periodRange } from '@/server/statistics/period-range';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

// 统计报表: the period's real incidents bucketed in Beijing time, drills left out; and the exports read back.

const incident = (id: string, createdAt: string, overrides: Partial<StatisticsFacts['incidents'][number]> = {}) => ({
  id,
  isDrill: false,
  createdAt: new Date(createdAt),
  incidentType: 'water_oil',
  severity: null,
  planName: '水体油污应急预案',
  description: `事件${id}`,
  ...overrides,
});

describe('periodRange', () => {
  it('starts and ends each period at midnight Asia/Shanghai', () => {
    expect(periodRange('month', 2026, 3)).toMatchObject({
      from: new Date('2026-02-28T16:00:00.000Z'),
      to: new Date('2026-03-31T16:00:00.000Z'),
      months: ['2026-03'],
    });
    expect(periodRange('quarter', 2026, 4).to).toEqual(new Date('2026-12-31T16:00:00.000Z'));
    expect(periodRange('half', 2026, 2).months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(periodRange('year', 2026, 1).from).toEqual(new Date('2025-12-31T16:00:00.000Z'));
  });
});

describe('buildStatistics', () => {
  const facts: StatisticsFacts = {
    incidents: [
      // 2026-03-01 00:00 in Beijing is still February in UTC: it belongs to March.
      incident('a', '2026-02-28T16:00:00.000Z', { severity: 'IV' }),
      // 2026-03-31 23:59:59 Beijing: March's last second.
      incident('b', '2026-03-31T15:59:59.000Z', { incidentType: 'air_leak' }),
      // 2026-04-01 00:00 Beijing: April, outside.
      incident('c', '2026-03-31T16:00:00.000Z'),
      // A drill in March: left out.
      incident('d', '2026-03-10T02:00:00.000Z', { isDrill: true }),
    ],
    assignments: [
      {
        incidentId: 'a',
        status: 'done',
        sentAt: new Date('2026-02-28T16:00:00Z'),
        acknowledgedAt: new Date('2026-02-28T16:01:00Z'),
        onSceneAt: new Date('2026-02-28T16:20:00Z'),
      },
      {
        incidentId: 'a',
        status: 'on_scene',
        sentAt: new Date('2026-02-28T16:00:00Z'),
        acknowledgedAt: new Date('2026-02-28T16:03:00Z'),
        onSceneAt: new Date('2026-02-28T16:30:00Z'),
      },
      {
        incidentId: 'b',
        status: 'acknowledged',
        sentAt: new Date('2026-03-31T15:59:59Z'),
        acknowledgedAt: new Date('2026-03-31T16:01:59Z'),
        onSceneAt: null,
      },
      {
        incidentId: 'a',
        status: 'stood_down',
        sentAt: new Date('2026-02-28T16:00:00Z'),
        acknowledgedAt: new Date('2026-02-28T17:00:00Z'),
        onSceneAt: null,
      },
      {
        incidentId: 'd',
        status: 'done',
        sentAt: new Date('2026-03-10T02:00:00Z'),
        acknowledgedAt: new Date('2026-03-10T03:00:00Z'),
        onSceneAt: null,
      },
    ],
  };

  it('counts March’s real incidents by type and severity (未定级 for none), drills and April left out', () => {
    const stats = buildStatistics('month', 2026, 3, facts);
    expect(stats.total).toBe(2);
    expect(stats.incidents.map((row) => row.id)).toEqual(['a', 'b']);
    expect(stats.byType).toEqual([
      { incidentType: 'air_leak', count: 1 },
      { incidentType: 'water_oil', count: 1 },
    ]);
    expect(stats.bySeverity).toEqual([
      { severity: 'I', count: 0 },
      { severity: 'II', count: 0 },
      { severity: 'III', count: 0 },
      { severity: 'IV', count: 1 },
      { severity: 'unset', count: 1 },
    ]);
    // 收到: 60, 180, 120 s (the stood-down card and the drill's do not count).
    expect(stats.toAcknowledged).toEqual({ count: 3, medianSeconds: 120, worstSeconds: 180 });
    expect(stats.toOnScene).toEqual({ count: 2, medianSeconds: 1500, worstSeconds: 1800 });
  });

  it('puts the April incident in the second quarter and every one in the year’s months', () => {
    expect(buildStatistics('quarter', 2026, 2, facts).incidents.map((row) => row.id)).toEqual(['c']);
    const year = buildStatistics('year', 2026, 1, facts);
    expect(year.byMonth.filter((month) => month.count > 0)).toEqual([
      { month: '2026-03', count: 2 },
      { month: '2026-04', count: 1 },
    ]);
    expect(year.byMonth).toHaveLength(12);
  });

  it('writes an XLSX that exceljs reads back and a CSV with a BOM and proper quoting', async () => {
    const stats = buildStatistics('month', 2026, 3, facts);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await statisticsXlsx(stats, 'zh-CN')) as never);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.getRow(3).values).toEqual([undefined, '事件总数', 2]);
    const list = workbook.getWorksheet('事件')!;
    expect(list.rowCount).toBe(3);
    expect(list.getRow(2).getCell(3).value).toBe('一般（Ⅳ级）');
    expect(list.getRow(3).getCell(3).value).toBe('未定级');

    const csv = statisticsCsv(stats, 'zh-CN');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text).toContain('事件总数,2\r\n');
    expect(text).toContain('派发至收到,2,3,3\r\n');
    expect(csvField('油污, "黑色"\n')).toBe('"油污, ""黑色""\n"');
  });
});

describe('getStatistics', () => {
  let fixture: Awaited<ReturnType<typeof createSeededDb>>;
  afterEach(() => fixture?.close());

  it('reports the jurisdiction’s real incidents only, for command roles', async () => {
    fixture = await createSeededDb();
    const duty = await fixture.ctxFor('duty');
    const planId = fixture.ids.planIds.get('water_oil')!;
    const real = await triggerIncident({ ctx: duty, input: { planId, location: RIVER_POINT, description: '梁滩河油污' } });
    await triggerIncident({ ctx: duty, input: { planId, location: RIVER_POINT, description: '演练', drill: true } });
    const card = real.assignments[0]!;
    const name = [...fixture.ids.userIds.entries()].find(([, id]) => id === card.userId)![0];
    await acknowledgeAssignment({ ctx: await fixture.ctxFor(name), input: { assignmentId: card.id } });
    const [row] = await fixture.db.select().from(incidents).where(eq(incidents.id, real.incident.id));
    const local = new Date(row!.createdAt.getTime() + 8 * 3600 * 1000);

    const stats = await getStatistics({
      ctx: duty,
      input: { period: 'month', year: String(local.getUTCFullYear()), index: String(local.getUTCMonth() + 1) },
    });
    expect(stats.total).toBe(1);
    expect(stats.incidents[0]!.id).toBe(real.incident.id);
    expect(stats.toAcknowledged.count).toBe(1);

    const refused = async (ctx: typeof duty, input: unknown) =>
      getStatistics({ ctx, input }).then(
        () => null,
        (error: unknown) => (error instanceof DomainError ? error.code : error),
      );
    expect(await refused(await fixture.ctxFor('env1'), { period: 'year', year: 2026 })).toBe('forbidden');
    expect(await refused(await fixture.ctxFor('ent1'), { period: 'year', year: 2026 })).toBe('forbidden');
    expect(await refused(duty, { period: 'month', year: 2026, index: 13 })).toBe('invalid_input');
    expect(await refused(duty, { period: 'quarter', year: 2026, index: 5 })).toBe('invalid_input');
    expect(await refused(duty, { period: 'week', year: 2026 })).toBe('invalid_input');
  });
});
