import { notFound } from 'next/navigation';
import { ReportsWorkspace } from '@/components/statutory-reports/reports-workspace';
import { AppHeader } from '@/components/ui/app-header';
import { DomainError } from '@/server/kernel/errors';
import { requirePageActor } from '@/server/pages/require-actor';
import { listIncidentReports } from '@/server/statutory-reports';

export const dynamic = 'force-dynamic';

/** 事件报告: the incident's 初报 / 续报 / 处理结果报告, their versions, 签发 and neighbour notifications. */
export default async function IncidentReportsPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const { id } = await params;
  let initial;
  try {
    initial = await listIncidentReports({ ctx, input: { incidentId: id } });
  } catch (error) {
    // A malformed id or one from another jurisdiction is simply not there.
    if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'invalid_input')) notFound();
    throw error;
  }
  return (
    <>
      <AppHeader actor={actor} current="/incidents" />
      <main>
        <ReportsWorkspace initial={initial} />
      </main>
    </>
  );
}
