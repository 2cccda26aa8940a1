import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { fieldReportPhotos, fieldReports, planRoles } from '../../db/schema';
import { conflict } from '../kernel/errors';

/** Whether the card's plan role asks for a photo (拍照取证) before the role can be marked done. */
export async function roleRequiresPhoto(db: DbOrTx, planRoleId: string): Promise<boolean> {
  const [role] = await db.select({ requiresPhoto: planRoles.requiresPhoto }).from(planRoles).where(eq(planRoles.id, planRoleId));
  return role?.requiresPhoto ?? false;
}

/** Whether the card's holder has sent at least one field report with a photo on it. */
export async function hasSentPhoto(db: DbOrTx, assignmentId: string): Promise<boolean> {
  const [photo] = await db
    .select({ id: fieldReportPhotos.id })
    .from(fieldReportPhotos)
    .innerJoin(fieldReports, eq(fieldReports.id, fieldReportPhotos.reportId))
    .where(and(eq(fieldReports.assignmentId, assignmentId)))
    .limit(1);
  return Boolean(photo);
}

/** The 完成 step of a role that requires a photo is refused until the holder has sent one. */
export async function assertPhotoSentIfRequired(db: DbOrTx, assignment: { id: string; planRoleId: string }): Promise<void> {
  if (!(await roleRequiresPhoto(db, assignment.planRoleId))) return;
  if (!(await hasSentPhoto(db, assignment.id))) throw conflict('photoRequiredBeforeDone');
}
