import { and, eq, inArray } from 'drizzle-orm';
import { materialItems, planRoleMaterials, planRoles, plans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { setRoleMaterialsInput } from '../contracts/materials';
import { invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { readStockTotals } from './stock-totals';

/**
 * What a plan role needs from the depots (the dam team: 1 挖掘机 + 200 沙袋), replacing its list.
 * A requirement larger than the whole jurisdiction holds is refused: it could never be reserved.
 */
export async function setRoleMaterials({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { planRoleId, materials } = parseInput(setRoleMaterialsInput, input);
  return withTransaction(db, async (tx) => {
    const [role] = await tx
      .select({ id: planRoles.id, name: planRoles.name })
      .from(planRoles)
      .innerJoin(plans, eq(plans.id, planRoles.planId))
      .where(and(eq(planRoles.id, planRoleId), eq(plans.jurisdictionId, actor.jurisdictionId)));
    if (!role) throw notFound('planRoleNotFound');
    const itemIds = materials.map((entry) => entry.itemId);
    const items = itemIds.length
      ? await tx
          .select()
          .from(materialItems)
          .where(and(inArray(materialItems.id, itemIds), eq(materialItems.jurisdictionId, actor.jurisdictionId)))
      : [];
    const itemById = new Map(items.map((item) => [item.id, item]));
    const totals = await readStockTotals(tx, actor.jurisdictionId);
    for (const [index, entry] of materials.entries()) {
      if (!itemById.has(entry.itemId)) throw invalid('unknownMaterialItem', { field: `materials.${index}.itemId` });
      const held = totals.get(entry.itemId) ?? 0;
      if (entry.quantity > held) throw invalid('materialMoreThanHeld', { field: `materials.${index}.quantity`, held });
    }
    await tx.delete(planRoleMaterials).where(eq(planRoleMaterials.planRoleId, planRoleId));
    if (materials.length) await tx.insert(planRoleMaterials).values(materials.map((entry) => ({ planRoleId, ...entry })));
    await auditAdmin(tx, ctx, {
      action: 'plan.role_materials_set',
      entityType: 'plan_role',
      entityId: planRoleId,
      data: { role: role.name, materials: materials.map((entry) => ({ item: itemById.get(entry.itemId)!.name, quantity: entry.quantity })) },
    });
    return { planRoleId, materials };
  });
}
