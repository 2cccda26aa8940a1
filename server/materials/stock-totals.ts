import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { materialDepots, materialStock } from '../../db/schema';

/** Per item, what all the jurisdiction's depots hold on the shelf now. */
export async function readStockTotals(db: DbOrTx, jurisdictionId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ itemId: materialStock.itemId, total: sql<number>`sum(${materialStock.quantity})`.mapWith(Number) })
    .from(materialStock)
    .innerJoin(materialDepots, eq(materialDepots.id, materialStock.depotId))
    .where(eq(materialDepots.jurisdictionId, jurisdictionId))
    .groupBy(materialStock.itemId);
  return new Map(rows.map((row) => [row.itemId, row.total]));
}
