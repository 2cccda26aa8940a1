import { NextResponse } from 'next/server';
import { requestLocale, withActor } from '@/server/http/respond';
import { getStatistics, statisticsCsv, statisticsXlsx } from '@/server/statistics';

// exceljs runs in Node.
export const runtime = 'nodejs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 统计报表: ?period=month|quarter|half|year&year=2026&index=1&format=json|xlsx|csv (real incidents only). */
export const GET = withActor(async (ctx, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const stats = await getStatistics({ ctx, input: query });
  const format = query.format ?? 'json';
  if (format === 'json') return NextResponse.json({ statistics: stats });
  const locale = await requestLocale();
  const name = `statistics-${stats.year}-${stats.period}-${stats.index}`;
  const [body, type] =
    format === 'xlsx' ? [await statisticsXlsx(stats, locale), XLSX] : [statisticsCsv(stats, locale), 'text/csv; charset=utf-8'];
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${name}.${format}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
