import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { materialDepots, materialItems } from '../../db/schema';

/** A depot of this jurisdiction, or undefined (another jurisdiction's depot is as unknown as none). */
export async function findDepot(db: DbOrTx, jurisdictionId: string, depotId: string) {
  const [depot] = await db
    .select()
    .from(materialDepots)
    .where(and(eq(materialDepots.id, depotId), eq(materialDepots.jurisdictionId, jurisdictionId)));
  return depot;
}

/** Catalogue items of this jurisdiction among `itemIds`. */
export async function findItem(db: DbOrTx, jurisdictionId: string, itemId: string) {
  const [item] = await db
    .select()
    .from(materialItems)
    .where(and(eq(materialItems.id, itemId), eq(materialItems.jurisdictionId, jurisdictionId)));
  return item;
}
