import { DispatchDashboard } from '@/components/dispatch/dispatch-dashboard';
import { AppHeader } from '@/components/ui/app-header';
import { getMapConfig } from '@/server/kernel/config/map-config';
import { listIncidents } from '@/server/dispatch';
import { listEnterprises } from '@/server/enterprises';
import { getJurisdiction } from '@/server/jurisdictions';
import { requirePageActor } from '@/server/pages/require-actor';
import { listPlans } from '@/server/plans/list-plans';
import { listPresence } from '@/server/presence';

export const dynamic = 'force-dynamic';

/** 指挥台: the duty officer's desktop, from which one press pages every role of a plan. */
export default async function DashboardPage() {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const [jurisdiction, plans, enterprises, incidents, presence] = await Promise.all([
    getJurisdiction({ ctx }),
    listPlans({ ctx }),
    listEnterprises({ ctx }),
    listIncidents({ ctx, input: { status: 'active' } }),
    listPresence({ ctx }),
  ]);
  return (
    <>
      <AppHeader actor={actor} current="/dashboard" />
      <main>
        <DispatchDashboard
          jurisdiction={jurisdiction}
          mapConfig={getMapConfig()}
          plans={plans}
          enterprises={enterprises}
          initialIncidents={incidents}
          initialPresence={presence}
        />
      </main>
    </>
  );
}
