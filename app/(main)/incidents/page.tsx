import { IncidentTable } from '@/components/dispatch/incident-table';
import { AppHeader } from '@/components/ui/app-header';
import { listIncidents } from '@/server/dispatch';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

/** 事件列表: active and past incidents of the jurisdiction, newest first. */
export default async function IncidentsPage() {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const incidents = await listIncidents({ ctx });
  return (
    <>
      <AppHeader actor={actor} current="/incidents" />
      <main>
        <IncidentTable incidents={incidents} />
      </main>
    </>
  );
}
