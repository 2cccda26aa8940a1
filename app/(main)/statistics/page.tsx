import { StatisticsReport } from '@/components/review/statistics-report';
import { AppHeader } from '@/components/ui/app-header';
import { DomainError } from '@/server/kernel/errors';
import { requirePageActor } from '@/server/pages/require-actor';
import { getStatistics } from '@/server/statistics';

export const dynamic = 'force-dynamic';

type Query = { period?: string; year?: string; index?: string };

/** 统计报表: real incidents of the jurisdiction per month, quarter, half-year or year (this month by default). */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const { period, year, index } = await searchParams;
  const local = new Date(ctx.now().getTime() + 8 * 3600 * 1000);
  const thisYear = local.getUTCFullYear();
  const fallback = { period: 'month', year: thisYear, index: local.getUTCMonth() + 1 };
  const stats = await getStatistics({
    ctx,
    input: { period: period ?? fallback.period, year: year ?? thisYear, index: index ?? fallback.index },
  }).catch(
    // A hand-edited address with a bad period shows this month rather than an error page.
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
