import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { riskPoints } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { recordMapEdit } from './edit-audit';

const deleteInput = z.object({ enterpriseId: z.string().uuid(), pointId: z.string().uuid() });

export async function deleteRiskPoint({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId, pointId } = parseInput(deleteInput, input);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  return withTransaction(ctx.db, async (tx) => {
    const removed = await tx
      .delete(riskPoints)
      .where(and(eq(riskPoints.id, pointId), eq(riskPoints.enterpriseId, enterpriseId)))
      .returning({ code: riskPoints.code });
    if (removed.length === 0) throw notFound('pointNotFound');
    await recordMapEdit(tx, ctx, enterpriseId, 'point_deleted', { code: removed[0]!.code });
    return { deleted: pointId };
  });
}
