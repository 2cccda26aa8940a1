import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { materialDepots, materialItems, materialReservations, materialShortfalls } from '../../db/schema';
import type { MaterialShortfallView, MaterialUnit, ReservationView } from '../contracts/materials';

/** What an incident's trigger could not reserve (the trigger's replay answer, the board). */
export async function loadMaterialShortfalls(db: DbOrTx, incidentId: string): Promise<MaterialShortfallView[]> {
  const rows = await db
    .select({
      planRoleId: materialShortfalls.planRoleId,
      roleName: materialShortfalls.roleName,
      itemId: materialShortfalls.itemId,
      itemName: materialItems.name,
      unit: materialItems.unit,
      required: materialShortfalls.required,
      reserved: materialShortfalls.reserved,
    })
    .from(materialShortfalls)
    .innerJoin(materialItems, eq(materialItems.id, materialShortfalls.itemId))
    .where(eq(materialShortfalls.incidentId, incidentId))
    .orderBy(asc(materialShortfalls.roleName), asc(materialItems.name));
  return rows.map((row) => ({ ...row, unit: row.unit as MaterialUnit }));
}

/** An incident's reservations with their depot (where to collect, with its custodian) and item. */
export async function loadReservations(
  db: DbOrTx,
  where: { incidentId: string; reservationId?: string },
): Promise<ReservationView[]> {
  const rows = await db
    .select({
      reservation: materialReservations,
      itemName: materialItems.name,
      unit: materialItems.unit,
      depot: {
        id: materialDepots.id,
        name: materialDepots.name,
        lat: materialDepots.lat,
        lng: materialDepots.lng,
        custodianName: materialDepots.custodianName,
        custodianPhone: materialDepots.custodianPhone,
      },
    })
    .from(materialReservations)
    .innerJoin(materialItems, eq(materialItems.id, materialReservations.itemId))
    .innerJoin(materialDepots, eq(materialDepots.id, materialReservations.depotId))
    .where(
      and(
        eq(materialReservations.incidentId, where.incidentId),
        where.reservationId ? eq(materialReservations.id, where.reservationId) : undefined,
      ),
    )
    .orderBy(asc(materialReservations.roleName), asc(materialItems.name), asc(materialDepots.name));
  return rows.map(({ reservation, itemName, unit, depot }) => ({
    id: reservation.id,
    incidentId: reservation.incidentId,
    planRoleId: reservation.planRoleId,
    roleName: reservation.roleName,
    itemId: reservation.itemId,
    itemName,
    unit: unit as MaterialUnit,
    quantity: reservation.quantity,
    consumed: reservation.consumed,
    status: reservation.status,
    depot,
  }));
}
