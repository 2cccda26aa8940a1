import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { georefPoints } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { georefPointInput } from '../contracts/one-map';
import { invalid } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { recordMapEdit } from './edit-audit';
import { createTransform } from './georeference';

const enterpriseRef = { enterpriseId: z.string().uuid() };

/** 2–3 control points tie the plan to the geographic map; an empty list removes the georeference. */
export async function setGeoreference({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId, points } = parseInput(z.object({ ...enterpriseRef, points: z.array(georefPointInput).max(3) }), input);
  if (points.length > 0 && !createTransform(points)) throw invalid('georefDegenerate', { field: 'points' });
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  return withTransaction(ctx.db, async (tx) => {
    await tx.delete(georefPoints).where(eq(georefPoints.enterpriseId, enterpriseId));
    for (const [position, point] of points.entries()) await tx.insert(georefPoints).values({ enterpriseId, position, ...point });
    await recordMapEdit(tx, ctx, enterpriseId, 'georef_set', { count: points.length });
    return points;
  });
}
