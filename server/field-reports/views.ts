import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { assignments, fieldReportPhotos, fieldReports, users } from '../../db/schema';
import type { FieldReportView } from '../contracts/field-reports';

/** An incident's field reports (or one of them), oldest first, with author, role and photos. */
export async function loadFieldReports(db: DbOrTx, incidentId: string, reportId?: string): Promise<FieldReportView[]> {
  const rows = await db
    .select({ report: fieldReports, displayName: users.displayName, roleName: assignments.roleName })
    .from(fieldReports)
    .innerJoin(users, eq(users.id, fieldReports.authorId))
    .innerJoin(assignments, eq(assignments.id, fieldReports.assignmentId))
    .where(and(eq(fieldReports.incidentId, incidentId), reportId ? eq(fieldReports.id, reportId) : undefined))
    .orderBy(asc(fieldReports.capturedAt), asc(fieldReports.id));
  if (rows.length === 0) return [];
  const photos = await db
    .select()
    .from(fieldReportPhotos)
    .where(inArray(fieldReportPhotos.reportId, rows.map((row) => row.report.id)))
    .orderBy(asc(fieldReportPhotos.position));
  return rows.map(({ report, displayName, roleName }) => ({
    id: report.id,
    incidentId: report.incidentId,
    assignmentId: report.assignmentId,
    author: { id: report.authorId, displayName },
    roleName,
    text: report.text,
    position: report.lat !== null && report.lng !== null ? { lat: report.lat, lng: report.lng, accuracy: report.accuracy } : null,
    capturedAt: report.capturedAt.toISOString(),
    createdAt: report.createdAt.toISOString(),
    photos: photos
      .filter((photo) => photo.reportId === report.id)
      .map((photo) => ({
        id: photo.id,
        width: photo.width,
        height: photo.height,
        takenAt: photo.takenAt?.toISOString() ?? null,
        lat: photo.lat,
        lng: photo.lng,
      })),
  }));
}
