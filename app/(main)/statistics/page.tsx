import { StatisticsReport } from '@/components/review/statistics-report';
import { AppHeader } from '@/components/ui/app-header';
import { DomainError } from '@/server/kernel/errors';
import { requirePageActor } from '@/server/pages/require-actor';
import { PERIODS_PER_YEAR, STATISTICS_PERIODS, type StatisticsPeriod } from '@/server/contracts/statistics';
import { getStatistics } from '@/server/statistics';

export const dynamic = 'force-dynamic';

type Query = { period?: string; year?: string; index?: string };

const isPeriod = (value: unknown): value is StatisticsPeriod => (STATISTICS_PERIODS as readonly unknown[]).includes(value);

/** 统计报表: real incidents of the jurisdiction per month, quarter, half-year or year (this year by default). */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const query = await searchParams;
  const thisYear = new Date(ctx.now().getTime() + 8 * 3600 * 1000).getUTCFullYear();
  const period = isPeriod(query.period) ? query.period : 'year';
  // An index past the period's count (month 12 → quarter) becomes the last one rather than an error.
  const index = Math.min(Math.max(1, Number(query.index) || 1), PERIODS_PER_YEAR[period]);
  const fallback = { period: 'year', year: thisYear, index: 1 };
  const stats = await getStatistics({ ctx, input: { period, year: query.year ?? thisYear, index } }).catch(
    // A hand-edited address with a bad year shows this year rather than an error page.
    (error: unknown) => {
      if (error instanceof DomainError && error.code === 'invalid_input') return getStatistics({ ctx, input: fallback });
      throw error;
    },
  );
  const years = Array.from({ length: 6 }, (_, offset) => thisYear - 5 + offset);
  return (
    <>
      <AppHeader actor={actor} current="/statistics" />
      <main>
        <StatisticsReport stats={stats} years={years} />
      </main>
    </>
  );
}
