import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { mapVersions, users } from '../../db/schema';
import type { VerbContext } from '../context';
import { forbidden } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanReadMap } from './access';

const input = z.object({ enterpriseId: z.string().uuid() });
const approver = alias(users, 'approver');

/** The version history: who published, when, what changed, and who approved it. */
export async function listMapVersions({ ctx, input: raw }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId } = parseInput(input, raw);
  if (ctx.actor.role === 'field_staff') throw forbidden();
  await assertCanReadMap(ctx.db, ctx.actor, enterpriseId);
  const rows = await ctx.db
    .select({ version: mapVersions, publishedBy: users.displayName, approvedBy: approver.displayName })
    .from(mapVersions)
    .leftJoin(users, eq(users.id, mapVersions.publishedBy))
    .leftJoin(approver, eq(approver.id, mapVersions.approvedBy))
    .where(eq(mapVersions.enterpriseId, enterpriseId))
    .orderBy(desc(mapVersions.version));
  return rows.map(({ version, publishedBy, approvedBy }) => ({
    version: version.version,
    changes: version.changes,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy,
    approvedAt: version.approvedAt?.toISOString() ?? null,
    approvedBy,
  }));
}
