import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mapVersions, sitePlans } from '../../db/schema';
import type { VerbContext } from '../context';
import type { MapContent } from '../contracts/one-map';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanReadMap } from './access';
import { readPlanImage } from './plan-image-store';
import { PLAN_FILE_NAME } from './plan-image-url';

const input = z.object({ enterpriseId: z.string().uuid(), fileName: z.string().regex(PLAN_FILE_NAME) });

/** A plan image, only to someone who may read that enterprise's map, and only if it is that enterprise's file. */
export async function readPlanImageFile({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<Buffer> {
  const { enterpriseId, fileName } = parseInput(input, raw);
  await assertCanReadMap(ctx.db, ctx.actor, enterpriseId);
  const [draft] = await ctx.db.select({ fileName: sitePlans.fileName }).from(sitePlans).where(eq(sitePlans.enterpriseId, enterpriseId));
  let isOwned = draft?.fileName === fileName;
  if (!isOwned) {
    const versions = await ctx.db
      .select({ content: mapVersions.content })
      .from(mapVersions)
      .where(eq(mapVersions.enterpriseId, enterpriseId));
    isOwned = versions.some((version) => (version.content as MapContent).plan?.fileName === fileName);
  }
  if (!isOwned) throw notFound();
  const bytes = await readPlanImage(fileName);
  if (!bytes) throw notFound();
  return bytes;
}
