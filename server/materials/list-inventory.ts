import { asc, eq } from 'drizzle-orm';
import { materialDepots, materialItems, materialStock, planRoleMaterials, planRoles, plans } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';

/** The admin's view: the jurisdiction's catalogue, its depots, what each depot holds, and what each plan role requires. */
export async function listInventory({ ctx }: { ctx: VerbContext }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin', 'duty_officer');
  const items = await db.select().from(materialItems).where(eq(materialItems.jurisdictionId, actor.jurisdictionId)).orderBy(asc(materialItems.name));
  const depots = await db.select().from(materialDepots).where(eq(materialDepots.jurisdictionId, actor.jurisdictionId)).orderBy(asc(materialDepots.name));
  const stock = await db
    .select({ depotId: materialStock.depotId, itemId: materialStock.itemId, quantity: materialStock.quantity })
    .from(materialStock)
    .innerJoin(materialDepots, eq(materialDepots.id, materialStock.depotId))
    .where(eq(materialDepots.jurisdictionId, actor.jurisdictionId));
  const requirements = await db
    .select({ planRoleId: planRoleMaterials.planRoleId, itemId: planRoleMaterials.itemId, quantity: planRoleMaterials.quantity })
    .from(planRoleMaterials)
    .innerJoin(planRoles, eq(planRoles.id, planRoleMaterials.planRoleId))
    .innerJoin(plans, eq(plans.id, planRoles.planId))
    .where(eq(plans.jurisdictionId, actor.jurisdictionId));
  return {
    requirements,
    items: items.map(({ id, name, unit }) => ({ id, name, unit })),
    depots: depots.map(({ id, name, lat, lng, custodianName, custodianPhone, enterpriseId }) => ({ id, name, lat, lng, custodianName, custodianPhone, enterpriseId })),
    stock,
  };
}
