import { z } from 'zod';
import { sitePlans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { invalid } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { processPlanImage } from './process-plan-image';
import { removePlanImage, storePlanImage } from './plan-image-store';

const uploadInput = z.object({ enterpriseId: z.string().uuid() });

/** Replaces the draft's site plan. Nothing is stored unless the image passes every check. */
export async function uploadSitePlan({ ctx, input, bytes }: { ctx: VerbContext; input: unknown; bytes: Uint8Array | null }) {
  const { enterpriseId } = parseInput(uploadInput, input);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  if (!bytes || bytes.byteLength === 0) throw invalid('fileMissing', { field: 'file' });

  const image = await processPlanImage(bytes);
  const fileName = await storePlanImage(image.png);
  try {
    const now = ctx.now();
    const row = {
      enterpriseId,
      fileName,
      width: image.width,
      height: image.height,
      bytes: image.png.byteLength,
      uploadedBy: ctx.actor.id,
      uploadedAt: now,
    };
    await withTransaction(ctx.db, async (tx) => {
      await tx.insert(sitePlans).values(row).onConflictDoUpdate({ target: sitePlans.enterpriseId, set: row });
      await recordAudit(tx, {
        jurisdictionId: ctx.actor.jurisdictionId,
        actorId: ctx.actor.id,
        action: 'map.plan_uploaded',
        entityType: 'enterprise',
        entityId: enterpriseId,
        data: { width: image.width, height: image.height, bytes: row.bytes },
        at: now,
      });
    });
    return { fileName, width: image.width, height: image.height };
  } catch (error) {
    await removePlanImage(fileName);
    throw error;
  }
}
