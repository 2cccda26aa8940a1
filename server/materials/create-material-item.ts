import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { materialItems } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { createMaterialItemInput } from '../contracts/materials';
import { conflict } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { auditAdmin } from '../kernel/audit/audit-admin';

/** Adds an item to the jurisdiction's catalogue (吸油毡, kg). Names are unique per jurisdiction. */
export async function createMaterialItem({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const data = parseInput(createMaterialItemInput, input);
  return withTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: materialItems.id })
      .from(materialItems)
      .where(and(eq(materialItems.jurisdictionId, actor.jurisdictionId), eq(materialItems.name, data.name)));
    if (existing) throw conflict('materialItemExists', { field: 'name' });
    const item = { id: randomUUID(), jurisdictionId: actor.jurisdictionId, name: data.name, unit: data.unit, createdAt: ctx.now() };
    await tx.insert(materialItems).values(item);
    await auditAdmin(tx, ctx, { action: 'material.item_created', entityType: 'material_item', entityId: item.id, data: { name: item.name, unit: item.unit } });
    return item;
  });
}
