import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { riskPoints, sitePlans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { riskPointInput } from '../contracts/one-map';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { recordMapEdit } from './edit-audit';

const saveInput = riskPointInput.extend({ enterpriseId: z.string().uuid(), id: z.string().uuid().optional() });

/** Adds a risk point to the draft, or replaces one (by id). Codes are unique within an enterprise. */
export async function saveRiskPoint({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId, id, ...point } = parseInput(saveInput, input);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);

  return withTransaction(ctx.db, async (tx) => {
    const [plan] = await tx.select().from(sitePlans).where(eq(sitePlans.enterpriseId, enterpriseId));
    if (plan && (point.x > plan.width || point.y > plan.height)) throw invalid('pointOutsidePlan', { field: 'x' });

    const sameCode = await tx
      .select({ id: riskPoints.id })
      .from(riskPoints)
      .where(and(eq(riskPoints.enterpriseId, enterpriseId), eq(riskPoints.code, point.code), ...(id ? [ne(riskPoints.id, id)] : [])));
    if (sameCode.length > 0) throw conflict('pointCodeTaken', { code: point.code, field: 'code' });

    const now = ctx.now();
    if (id) {
      const updated = await tx
        .update(riskPoints)
        .set({ ...point, updatedAt: now })
        .where(and(eq(riskPoints.id, id), eq(riskPoints.enterpriseId, enterpriseId)))
        .returning({ id: riskPoints.id });
      if (updated.length === 0) throw notFound('pointNotFound');
    } else {
      await tx.insert(riskPoints).values({ id: randomUUID(), enterpriseId, ...point, updatedAt: now });
    }
    await recordMapEdit(tx, ctx, enterpriseId, id ? 'point_updated' : 'point_added', { code: point.code });
    const [saved] = await tx
      .select()
      .from(riskPoints)
      .where(and(eq(riskPoints.enterpriseId, enterpriseId), eq(riskPoints.code, point.code)));
    return saved!;
  });
}
