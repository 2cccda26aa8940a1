import { notFound } from 'next/navigation';
import type { BoardTarget } from '@/components/dispatch/board-map';
import { ResponseBoard } from '@/components/dispatch/response-board';
import { AppHeader } from '@/components/ui/app-header';
import { getMapConfig } from '@/server/kernel/config/map-config';
import { getIncident } from '@/server/dispatch';
import { DomainError } from '@/server/kernel/errors';
import { requirePageActor } from '@/server/pages/require-actor';
import { listPlans } from '@/server/plans/list-plans';
import { listPresence } from '@/server/presence';
import { listEnterprises } from '@/server/enterprises/list-enterprises';

export const dynamic = 'force-dynamic';

async function loadIncident(ctx: Parameters<typeof getIncident>[0]['ctx'], incidentId: string) {
  try {
    return await getIncident({ ctx, input: { incidentId } });
  } catch (error) {
    // A malformed id or one from another jurisdiction is simply not there.
    if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'invalid_input')) notFound();
    throw error;
  }
}

/** 指挥板: the live response board of one incident. */
export default async function IncidentBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const { id } = await params;
  const incident = await loadIncident(ctx, id);
  const [plans, presence, enterprises] = await Promise.all([
    listPlans({ ctx, includeInactive: true }),
    listPresence({ ctx }),
    listEnterprises({ ctx }),
  ]);

  const plan = plans.find((candidate) => candidate.id === incident.planId);
  const departmentNames = Object.fromEntries(plans.flatMap((p) => p.roles.map((role) => [role.departmentId, role.department])));
  const targets: BoardTarget[] = (plan?.roles ?? []).flatMap(({ target }) =>
    target.lat !== null && target.lng !== null ? [{ label: target.label, lat: target.lat, lng: target.lng }] : [],
  );

  return (
    <>
      <AppHeader actor={actor} current="/incidents" />
      <main>
        <ResponseBoard
          initial={incident}
          mapConfig={getMapConfig()}
          departmentNames={departmentNames}
          targets={targets}
          initialPresence={presence}
          incidentTypes={[...new Set(plans.map((candidate) => candidate.incidentType))]}
          enterprises={enterprises.map(({ id, name }) => ({ id, name }))}
        />
      </main>
    </>
  );
}
