import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { sensitiveReceptors } from '../../db/schema';
import type { ReceptorView } from '../contracts/receptors';
import { notFound } from '../kernel/errors';

type ReceptorRow = typeof sensitiveReceptors.$inferSelect;

export const toReceptorView = (row: ReceptorRow): ReceptorView => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  location: { lat: row.lat, lng: row.lng },
  note: row.note,
});

/** A receptor of the jurisdiction; another jurisdiction's does not exist for the asker. */
export async function findReceptor(db: DbOrTx, jurisdictionId: string, receptorId: string): Promise<ReceptorRow> {
  const [row] = await db
    .select()
    .from(sensitiveReceptors)
    .where(and(eq(sensitiveReceptors.id, receptorId), eq(sensitiveReceptors.jurisdictionId, jurisdictionId)));
  if (!row) throw notFound('receptorNotFound');
  return row;
}
