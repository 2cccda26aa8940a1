import { asc, eq } from 'drizzle-orm';
import { sensitiveReceptors } from '../../db/schema';
import type { ReceptorView } from '../contracts/receptors';
import type { VerbContext } from '../context';
import { requireRole } from '../kernel/auth/actor';
import { toReceptorView } from './find-receptor';

/** The jurisdiction's sensitive receptors (环境敏感目标), for command: what the 初报's map may show. */
export async function listReceptors({ ctx }: { ctx: VerbContext }): Promise<ReceptorView[]> {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const rows = await ctx.db
    .select()
    .from(sensitiveReceptors)
    .where(eq(sensitiveReceptors.jurisdictionId, ctx.actor.jurisdictionId))
    .orderBy(asc(sensitiveReceptors.kind), asc(sensitiveReceptors.name));
  return rows.map(toReceptorView);
}
