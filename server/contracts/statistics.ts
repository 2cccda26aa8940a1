// PURE: the statistics report's input and shape (统计报表), shared by the server, the page and the tests.
import { z } from 'zod';
import type { TimeStats } from './review';
import type { Severity } from './severity';

export const STATISTICS_PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];
/** How many of each period a year has: month 1–12, quarter 1–4, half 1–2, year 1. */
export const PERIODS_PER_YEAR: Record<StatisticsPeriod, number> = { month: 12, quarter: 4, half: 2, year: 1 };
export const STATISTICS_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];

export const statisticsInput = z
  .object({
    period: z.enum(STATISTICS_PERIODS),
    year: z.coerce.number().int().min(2000).max(2100),
    index: z.coerce.number().int().min(1).max(12).default(1),
    format: z.enum(STATISTICS_FORMATS).default('json'),
  })
  .strict()
  .refine((input) => input.index <= PERIODS_PER_YEAR[input.period], { message: 'indexOutOfRange', path: ['index'] });
export type StatisticsInput = z.input<typeof statisticsInput>;

export type StatisticsIncidentRow = {
  id: string;
  createdAt: string;
  incidentType: string;
  severity: Severity | null;
  planName: string;
  description: string;
  people: number;
  toAcknowledged: TimeStats;
  toOnScene: TimeStats;
};

export type IncidentStatistics = {
  period: StatisticsPeriod;
  year: number;
  index: number;
  /** The period's bounds, as instants (midnight Asia/Shanghai); `to` is exclusive. */
  from: string;
  to: string;
  total: number;
  byType: { incidentType: string; count: number }[];
  /** 'unset' = 未定级. */
  bySeverity: { severity: Severity | 'unset'; count: number }[];
  /** Each month of the period (YYYY-MM), with its count, for the chart. */
  byMonth: { month: string; count: number }[];
  /** From each card's sent to its 收到. */
  toAcknowledged: TimeStats;
  /** From the press to each person's arrival. */
  toOnScene: TimeStats;
  incidents: StatisticsIncidentRow[];
};
