import { and, eq, sql } from 'drizzle-orm';
import { incidents, materialReservations, materialStock } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { settleMaterialsInput } from '../contracts/materials';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { loadReservations } from './read-materials';

/**
 * After 警报解除: the officer records what each reservation consumed; the rest goes back on its
 * depot's shelf, all in one transaction with an audit row per reservation. A reservation not named
 * consumed nothing. Each reservation is settled once (conditional on its status).
 */
export async function settleMaterials({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const { incidentId, consumed } = parseInput(settleMaterialsInput, input);
  await withTransaction(db, async (tx) => {
    const [incident] = await tx
      .select({ status: incidents.status })
      .from(incidents)
      .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!incident) throw notFound('incidentNotFound');
    if (incident.status !== 'lifted') throw conflict('materialsSettleBeforeLift');
    const reservations = await tx.select().from(materialReservations).where(eq(materialReservations.incidentId, incidentId));
    const open = new Map(reservations.filter((row) => row.status !== 'settled').map((row) => [row.id, row]));
    if (open.size === 0) throw conflict('materialsAlreadySettled');
    const consumedById = new Map<string, number>();
    for (const [index, entry] of consumed.entries()) {
      const reservation = open.get(entry.reservationId);
      if (!reservation || consumedById.has(entry.reservationId)) throw invalid('reservationNotFound', { field: `consumed.${index}.reservationId` });
      if (entry.quantity > reservation.quantity) {
        throw invalid('consumedMoreThanReserved', { field: `consumed.${index}.quantity`, reserved: reservation.quantity });
      }
      consumedById.set(entry.reservationId, entry.quantity);
    }
    const now = ctx.now();
    for (const reservation of open.values()) {
      const used = consumedById.get(reservation.id) ?? 0;
      const changed = await tx
        .update(materialReservations)
        .set({ status: 'settled', consumed: used, updatedAt: now })
        .where(and(eq(materialReservations.id, reservation.id), eq(materialReservations.status, reservation.status)))
        .returning({ id: materialReservations.id });
      if (changed.length === 0) throw conflict('materialsAlreadySettled');
      const returned = reservation.quantity - used;
      if (returned > 0) {
        await tx
          .insert(materialStock)
          .values({ depotId: reservation.depotId, itemId: reservation.itemId, quantity: returned })
          .onConflictDoUpdate({
            target: [materialStock.depotId, materialStock.itemId],
            set: { quantity: sql`${materialStock.quantity} + ${returned}` },
          });
      }
      await recordAudit(tx, {
        jurisdictionId: actor.jurisdictionId,
        actorId: actor.id,
        action: 'material.settled',
        entityType: 'material_reservation',
        entityId: reservation.id,
        incidentId,
        data: { role: reservation.roleName, reserved: reservation.quantity, consumed: used, returned },
        at: now,
      });
    }
  });
  return loadReservations(db, { incidentId });
}
