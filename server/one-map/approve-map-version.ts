import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { mapVersions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { conflict, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanReadMap } from './access';

const approveInput = z.object({ enterpriseId: z.string().uuid(), version: z.number().int().min(1) });

/** The bureau's review: a duty officer or admin approves one published version. */
export async function approveMapVersion({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { enterpriseId, version } = parseInput(approveInput, input);
  await assertCanReadMap(ctx.db, ctx.actor, enterpriseId);
  return withTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select()
      .from(mapVersions)
      .where(and(eq(mapVersions.enterpriseId, enterpriseId), eq(mapVersions.version, version)));
    if (!row) throw notFound('versionNotFound');
    const now = ctx.now();
    const approved = await tx
      .update(mapVersions)
      .set({ approvedAt: now, approvedBy: ctx.actor.id })
      .where(and(eq(mapVersions.id, row.id), isNull(mapVersions.approvedAt)))
      .returning({ id: mapVersions.id });
    if (approved.length === 0) throw conflict('versionAlreadyApproved');
    await recordAudit(tx, {
      jurisdictionId: ctx.actor.jurisdictionId,
      actorId: ctx.actor.id,
      action: 'map.approved',
      entityType: 'enterprise',
      entityId: enterpriseId,
      data: { version },
      at: now,
    });
    return { version, approvedAt: now.toISOString() };
  });
}
