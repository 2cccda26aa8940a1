import { and, eq } from 'drizzle-orm';
import { materialStock } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { setStockInput } from '../contracts/materials';
import { invalid } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { findDepot, findItem } from './find-scoped';

/** Sets what is on a depot's shelf (free to reserve) for one item, after a stock count or a delivery. */
export async function setStock({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { depotId, itemId, quantity } = parseInput(setStockInput, input);
  return withTransaction(db, async (tx) => {
    const depot = await findDepot(tx, actor.jurisdictionId, depotId);
    if (!depot) throw invalid('unknownDepot', { field: 'depotId' });
    const item = await findItem(tx, actor.jurisdictionId, itemId);
    if (!item) throw invalid('unknownMaterialItem', { field: 'itemId' });
    const where = and(eq(materialStock.depotId, depotId), eq(materialStock.itemId, itemId));
    const [before] = await tx.select({ quantity: materialStock.quantity }).from(materialStock).where(where);
    if (before) await tx.update(materialStock).set({ quantity }).where(where);
    else await tx.insert(materialStock).values({ depotId, itemId, quantity });
    await auditAdmin(tx, ctx, {
      action: 'material.stock_set',
      entityType: 'material_depot',
      entityId: depotId,
      data: { depot: depot.name, item: item.name, unit: item.unit, from: before?.quantity ?? 0, to: quantity },
    });
    return { depotId, itemId, quantity };
  });
}
