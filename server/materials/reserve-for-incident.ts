import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { materialDepots, materialItems, materialReservations, materialShortfalls, materialStock, planRoleMaterials } from '../../db/schema';
import { recordAudits, type AuditInput } from '../kernel/audit/record-audit';
import type { MaterialShortfallView, MaterialUnit } from '../contracts/materials';
import { distanceMetres } from './geo';

/** A conditional take can lose to another transaction; re-read and try again this many times per depot. */
const MAX_TAKE_ATTEMPTS = 5;

/**
 * Takes `wanted` of an item off one depot's shelf with `UPDATE … WHERE quantity >= n`: a competing
 * incident that took it first makes this update match no row, and we re-read what is left. Two
 * transactions never both take the last 100 m of boom, on SQLite (one writer) or PostgreSQL (the
 * row lock makes the second re-check the WHERE against the committed quantity).
 */
export async function takeFromDepot(tx: DbOrTx, depotId: string, itemId: string, wanted: number): Promise<number> {
  for (let attempt = 0; attempt < MAX_TAKE_ATTEMPTS; attempt += 1) {
    const [row] = await tx
      .select({ quantity: materialStock.quantity })
      .from(materialStock)
      .where(and(eq(materialStock.depotId, depotId), eq(materialStock.itemId, itemId)));
    const take = Math.min(row?.quantity ?? 0, wanted);
    if (take <= 0) return 0;
    const taken = await tx
      .update(materialStock)
      .set({ quantity: sql`${materialStock.quantity} - ${take}` })
      .where(and(eq(materialStock.depotId, depotId), eq(materialStock.itemId, itemId), gte(materialStock.quantity, take)))
      .returning({ quantity: materialStock.quantity });
    if (taken.length > 0) return take;
  }
  return 0;
}

/**
 * At the trigger, inside its transaction: for every material the plan's roles require, reserves
 * the nearest stock (split over depots when one is not enough) and records what could not be
 * reserved as a material shortfall. Returns the shortfalls for the trigger's answer.
 */
export async function reserveMaterialsForIncident(
  tx: DbOrTx,
  {
    incident,
    roles,
    audit,
  }: {
    incident: { id: string; jurisdictionId: string; lat: number; lng: number };
    roles: { id: string; name: string }[];
    audit: Omit<AuditInput, 'action' | 'entityType' | 'entityId'>;
  },
): Promise<MaterialShortfallView[]> {
  if (roles.length === 0) return [];
  const required = await tx
    .select({
      planRoleId: planRoleMaterials.planRoleId,
      itemId: planRoleMaterials.itemId,
      quantity: planRoleMaterials.quantity,
      itemName: materialItems.name,
      unit: materialItems.unit,
    })
    .from(planRoleMaterials)
    .innerJoin(materialItems, eq(materialItems.id, planRoleMaterials.itemId))
    .where(
      and(
        inArray(
          planRoleMaterials.planRoleId,
          roles.map((role) => role.id),
        ),
        eq(materialItems.jurisdictionId, incident.jurisdictionId),
      ),
    );
  if (required.length === 0) return [];

  const depots = await tx
    .select({ id: materialDepots.id, name: materialDepots.name, lat: materialDepots.lat, lng: materialDepots.lng })
    .from(materialDepots)
    .where(eq(materialDepots.jurisdictionId, incident.jurisdictionId));
  const nearestFirst = depots
    .map((depot) => ({ ...depot, distance: distanceMetres(incident, depot) }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));

  const roleName = new Map(roles.map((role) => [role.id, role.name]));
  const shortfalls: MaterialShortfallView[] = [];
  const audits: AuditInput[] = [];
  // In plan order, role by role, so the same plan always splits the same way.
  const order = new Map(roles.map((role, index) => [role.id, index]));
  required.sort((a, b) => order.get(a.planRoleId)! - order.get(b.planRoleId)! || a.itemName.localeCompare(b.itemName));
  for (const need of required) {
    let missing = need.quantity;
    for (const depot of nearestFirst) {
      if (missing === 0) break;
      const taken = await takeFromDepot(tx, depot.id, need.itemId, missing);
      if (taken === 0) continue;
      missing -= taken;
      const id = randomUUID();
      await tx.insert(materialReservations).values({
        id,
        incidentId: incident.id,
        planRoleId: need.planRoleId,
        roleName: roleName.get(need.planRoleId)!,
        depotId: depot.id,
        itemId: need.itemId,
        quantity: taken,
        status: 'reserved',
        createdAt: audit.at ?? new Date(),
      });
      audits.push({
        ...audit,
        action: 'material.reserved',
        entityType: 'material_reservation',
        entityId: id,
        data: { item: need.itemName, unit: need.unit, quantity: taken, depot: depot.name, role: roleName.get(need.planRoleId) },
      });
    }
    if (missing > 0) {
      const shortfall = {
        planRoleId: need.planRoleId,
        roleName: roleName.get(need.planRoleId)!,
        itemId: need.itemId,
        itemName: need.itemName,
        unit: need.unit as MaterialUnit,
        required: need.quantity,
        reserved: need.quantity - missing,
      };
      await tx.insert(materialShortfalls).values({
        incidentId: incident.id,
        planRoleId: shortfall.planRoleId,
        roleName: shortfall.roleName,
        itemId: shortfall.itemId,
        required: shortfall.required,
        reserved: shortfall.reserved,
      });
      shortfalls.push(shortfall);
      audits.push({
        ...audit,
        action: 'material.shortfall',
        entityType: 'incident',
        entityId: incident.id,
        data: { item: need.itemName, unit: need.unit, required: shortfall.required, reserved: shortfall.reserved, role: shortfall.roleName },
      });
    }
  }
  if (audits.length) await recordAudits(tx, audits);
  return shortfalls;
}
