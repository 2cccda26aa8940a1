import { desc, eq } from 'drizzle-orm';
import { integrationTokens } from '../../db/schema';
import type { VerbContext } from '../context';
import { requireRole } from '../kernel/auth/actor';
import { toTokenView } from './token-view';

/** The admin page's list: name, scope, created, last used, revoked. Never a secret. */
export async function listIntegrationTokens({ ctx }: { ctx: VerbContext; input?: unknown }) {
  requireRole(ctx.actor, 'admin');
  const rows = await ctx.db
    .select()
    .from(integrationTokens)
    .where(eq(integrationTokens.jurisdictionId, ctx.actor.jurisdictionId))
    .orderBy(desc(integrationTokens.createdAt));
  return rows.map(toTokenView);
}
