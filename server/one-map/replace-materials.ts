import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { enterpriseMaterials } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { materialInput } from '../contracts/one-map';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { recordMapEdit } from './edit-audit';

const enterpriseRef = { enterpriseId: z.string().uuid() };

/** The emergency materials kept on site (kind, quantity, where), edited as one ordered list. */
export async function replaceMaterials({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId, materials } = parseInput(z.object({ ...enterpriseRef, materials: z.array(materialInput).max(60) }), input);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  return withTransaction(ctx.db, async (tx) => {
    await tx.delete(enterpriseMaterials).where(eq(enterpriseMaterials.enterpriseId, enterpriseId));
    for (const [position, material] of materials.entries()) {
      await tx.insert(enterpriseMaterials).values({ id: randomUUID(), enterpriseId, position, ...material });
    }
    await recordMapEdit(tx, ctx, enterpriseId, 'materials_replaced', { count: materials.length });
    return materials;
  });
}
