import { eq } from 'drizzle-orm';
import { jurisdictions } from '../../db/schema';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import type { JurisdictionView } from '../contracts/views';

/** The caller's own jurisdiction: where its maps open. Every signed-in role may read its own. */
export async function getJurisdiction({ ctx }: { ctx: VerbContext }): Promise<JurisdictionView> {
  const [row] = await ctx.db.select().from(jurisdictions).where(eq(jurisdictions.id, ctx.actor.jurisdictionId));
  if (!row) throw notFound();
  return { id: row.id, name: row.name, nameEn: row.nameEn, center: { lat: row.centerLat, lng: row.centerLng }, zoom: row.zoom };
}
