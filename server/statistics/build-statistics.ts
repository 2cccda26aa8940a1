import { SEVERITIES, type Severity } from '../contracts/severity';
import type { IncidentStatistics, StatisticsIncidentRow, StatisticsPeriod } from '../contracts/statistics';
import { secondsBetween, timeStats } from '../review/time-stats';
import { periodRange, shanghaiMonth } from './period-range';

export type StatisticsFacts = {
  incidents: {
    id: string;
    isDrill: boolean;
    createdAt: Date;
    incidentType: string;
    severity: Severity | null;
    planName: string;
    description: string;
  }[];
  assignments: { incidentId: string; status: string; sentAt: Date; acknowledgedAt: Date | null; onSceneAt: Date | null }[];
};

/**
 * PURE: the period's report from the incidents and cards given. Drills are left out, and so is
 * anything outside the period (bounds in Asia/Shanghai); stood-down cards count for nothing.
 */
export function buildStatistics(period: StatisticsPeriod, year: number, index: number, facts: StatisticsFacts): IncidentStatistics {
  const { from, to, months } = periodRange(period, year, index);
  const real = facts.incidents
    .filter((incident) => !incident.isDrill && incident.createdAt >= from && incident.createdAt < to)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const pressedAt = new Map(real.map((incident) => [incident.id, incident.createdAt]));
  const cards = facts.assignments.filter((card) => pressedAt.has(card.incidentId) && card.status !== 'stood_down');
  const ackTimes = (list: typeof cards) => list.flatMap((card) => nonNull(secondsBetween(card.sentAt, card.acknowledgedAt)));
  const sceneTimes = (list: typeof cards) =>
    list.flatMap((card) => nonNull(secondsBetween(pressedAt.get(card.incidentId)!, card.onSceneAt)));

  const types = countBy(real.map((incident) => incident.incidentType));
  const severities = countBy(real.map((incident) => incident.severity ?? 'unset'));
  const perMonth = countBy(real.map((incident) => shanghaiMonth(incident.createdAt)));
  const rows: StatisticsIncidentRow[] = real.map((incident) => {
    const own = cards.filter((card) => card.incidentId === incident.id);
    return {
      id: incident.id,
      createdAt: incident.createdAt.toISOString(),
      incidentType: incident.incidentType,
      severity: incident.severity,
      planName: incident.planName,
      description: incident.description,
      people: own.length,
      toAcknowledged: timeStats(ackTimes(own)),
      toOnScene: timeStats(sceneTimes(own)),
    };
  });
  return {
    period,
    year,
    index,
    from: from.toISOString(),
    to: to.toISOString(),
    total: real.length,
    byType: [...types.entries()]
      .map(([incidentType, count]) => ({ incidentType, count }))
      .sort((a, b) => b.count - a.count || a.incidentType.localeCompare(b.incidentType)),
    // Most severe first, 未定级 last; every grade is listed, with 0 when none.
    bySeverity: ([...[...SEVERITIES].reverse(), 'unset'] as const).map((severity) => ({ severity, count: severities.get(severity) ?? 0 })),
    byMonth: months.map((month) => ({ month, count: perMonth.get(month) ?? 0 })),
    toAcknowledged: timeStats(ackTimes(cards)),
    toOnScene: timeStats(sceneTimes(cards)),
    incidents: rows,
  };
}

const nonNull = (value: number | null): number[] => (value === null ? [] : [value]);

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
