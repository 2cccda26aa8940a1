import { PERIODS_PER_YEAR, type StatisticsPeriod } from '../contracts/statistics';

// China has kept UTC+8 all year since 1991: a month starts at 16:00 UTC the day before.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The period's bounds as instants: from midnight Asia/Shanghai on its first day, to (exclusive) the next period's. */
export function periodRange(period: StatisticsPeriod, year: number, index: number): { from: Date; to: Date; months: string[] } {
  const length = 12 / PERIODS_PER_YEAR[period];
  const firstMonth = (index - 1) * length; // 0-based
  const from = new Date(Date.UTC(year, firstMonth, 1) - SHANGHAI_OFFSET_MS);
  const to = new Date(Date.UTC(year, firstMonth + length, 1) - SHANGHAI_OFFSET_MS);
  const months = Array.from({ length }, (_, offset) => `${year}-${String(firstMonth + offset + 1).padStart(2, '0')}`);
  return { from, to, months };
}

/** The month (YYYY-MM) an instant falls in, in Asia/Shanghai. */
export function shanghaiMonth(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
