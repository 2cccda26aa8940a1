import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { riskPoints, sitePlans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { recordMapEdit } from './edit-audit';

const moveInput = z.object({
  enterpriseId: z.string().uuid(),
  pointId: z.string().uuid(),
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
});

/** A drag on the plan: only the position changes. */
export async function moveRiskPoint({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId, pointId, x, y } = parseInput(moveInput, input);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  return withTransaction(ctx.db, async (tx) => {
    const [plan] = await tx.select().from(sitePlans).where(eq(sitePlans.enterpriseId, enterpriseId));
    if (plan && (x > plan.width || y > plan.height)) throw invalid('pointOutsidePlan', { field: 'x' });
    const moved = await tx
      .update(riskPoints)
      .set({ x, y, updatedAt: ctx.now() })
      .where(and(eq(riskPoints.id, pointId), eq(riskPoints.enterpriseId, enterpriseId)))
      .returning();
    if (moved.length === 0) throw notFound('pointNotFound');
    await recordMapEdit(tx, ctx, enterpriseId, 'point_moved', { code: moved[0]!.code, x, y });
    return moved[0]!;
  });
}
