import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { fieldReportPhotos, fieldReports } from '../../db/schema';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanReadFieldReports } from './access';
import { FIELD_PHOTO_ID, readFieldPhoto } from './photo-store';

const input = z.object({ photoId: z.string().regex(FIELD_PHOTO_ID) });

/** A field photo's JPEG, only to command roles of its jurisdiction and the incident's assignees. */
export async function readFieldPhotoFile({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<Buffer> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw notFound();
  const { photoId } = parseInput(input, raw);
  const [row] = await ctx.db
    .select({ incidentId: fieldReports.incidentId })
    .from(fieldReportPhotos)
    .innerJoin(fieldReports, eq(fieldReports.id, fieldReportPhotos.reportId))
    .where(eq(fieldReportPhotos.id, photoId));
  if (!row) throw notFound();
  await assertCanReadFieldReports(ctx.db, ctx.actor, row.incidentId);
  const bytes = await readFieldPhoto(photoId);
  if (!bytes) throw notFound();
  return bytes;
}
