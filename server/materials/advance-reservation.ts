import { and, eq, isNull } from 'drizzle-orm';
import { assignments, incidents, materialReservations } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { isCommand } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { advanceReservationInput, NEXT_RESERVATION_STATUS } from '../contracts/materials';
import { conflict, forbidden, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { announceIncidentUpdate } from '../dispatch/announce';
import { loadIncidentSummary } from '../dispatch/views';
import { loadReservations } from './read-materials';
import { materialsUpdatedMessage } from '../push/messages';
import type { Db } from '../../db';

/**
 * One step of a reservation: reserved → collected (picked up at the depot) → deployed (laid out on
 * site). The duty officer, or an assignee of the role it was reserved for, moves it; a conditional
 * update on the status read means two taps never advance it twice. The board hears after commit.
 */
export async function advanceReservation({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  const { reservationId } = parseInput(advanceReservationInput, input);
  const outcome = await withTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ reservation: materialReservations, incident: { id: incidents.id, status: incidents.status } })
      .from(materialReservations)
      .innerJoin(incidents, eq(incidents.id, materialReservations.incidentId))
      .where(and(eq(materialReservations.id, reservationId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!row) throw notFound('reservationNotFound');
    const { reservation, incident } = row;
    if (!isCommand(actor)) {
      const [card] = reservation.planRoleId
        ? await tx
            .select({ id: assignments.id })
            .from(assignments)
            .where(
              and(
                eq(assignments.incidentId, incident.id),
                eq(assignments.userId, actor.id),
                eq(assignments.planRoleId, reservation.planRoleId),
              ),
            )
        : [];
      if (!card) throw forbidden();
    }
    if (incident.status !== 'active') throw conflict('incidentAlreadyLifted');
    const next = NEXT_RESERVATION_STATUS[reservation.status];
    if (!next) throw conflict('reservationAlreadyDeployed');
    const now = ctx.now();
    const changed = await tx
      .update(materialReservations)
      .set({ status: next, updatedAt: now })
      .where(and(eq(materialReservations.id, reservationId), eq(materialReservations.status, reservation.status)))
      .returning({ id: materialReservations.id });
    if (changed.length === 0) throw conflict('conflict');
    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: `material.${next}`,
      entityType: 'material_reservation',
      entityId: reservationId,
      incidentId: incident.id,
      data: { from: reservation.status, to: next, quantity: reservation.quantity, role: reservation.roleName },
      at: now,
    });
    return { incidentId: incident.id, auditId: audit.id, planRoleId: reservation.planRoleId, status: next };
  });
  const [view] = await loadReservations(db, { incidentId: outcome.incidentId, reservationId });
  const summary = await loadIncidentSummary(db, actor.jurisdictionId, outcome.incidentId);
  if (summary) announceIncidentUpdate(ctx, summary, { auditId: outcome.auditId });
  // The phones of the role it was reserved for show it on their cards (the board hears through incident:updated).
  const holders = outcome.planRoleId ? await openCardHolders(db, outcome.incidentId, outcome.planRoleId) : [];
  ctx.emitter.materialsUpdated(
    holders,
    materialsUpdatedMessage({ id: reservationId, incidentId: outcome.incidentId, status: outcome.status }),
  );
  return view!;
}

/** The people holding an open card of this role on the incident. */
async function openCardHolders(db: Db, incidentId: string, planRoleId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: assignments.userId })
    .from(assignments)
    .where(and(eq(assignments.incidentId, incidentId), eq(assignments.planRoleId, planRoleId), isNull(assignments.closedAt)));
  return [...new Set(rows.map((row) => row.userId))];
}
