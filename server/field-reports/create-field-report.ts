import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, fieldReportPhotos, fieldReports, incidents } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { fieldReportInput } from '../contracts/field-reports';
import { recordAudit } from '../kernel/audit/record-audit';
import { requireRole } from '../kernel/auth/actor';
import { conflict, DomainError, forbidden, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { fieldReportAddedMessage } from '../push/messages';
import { FIELD_PHOTO_LIMITS } from './limits';
import { removeFieldPhotos, storeFieldPhoto } from './photo-store';
import { processFieldPhoto, type ProcessedPhoto } from './process-field-photo';
import { loadFieldReports } from './views';

/** One uploaded photo, with the original's EXIF block when the phone shrank it (a canvas drops EXIF). */
export type UploadedPhoto = { bytes: Uint8Array; originalExif?: Uint8Array | null };

/**
 * The assignee on their own card: which incident and card a report may be made on. Another
 * jurisdiction's incident does not exist for them (404); one they hold no card on is refused (403).
 */
export async function findReporterAssignment(ctx: VerbContext, incidentId: string) {
  requireRole(ctx.actor, 'field_staff');
  const [incident] = await ctx.db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident || incident.jurisdictionId !== ctx.actor.jurisdictionId) throw notFound('incidentNotFound');
  const [assignment] = await ctx.db
    .select()
    .from(assignments)
    .where(and(eq(assignments.incidentId, incidentId), eq(assignments.userId, ctx.actor.id)));
  if (!assignment) throw forbidden('notAssignedToIncident');
  return { incident, assignment };
}

/**
 * A field report (现场报告) by an assignee about their incident: text, photos and position.
 * Every photo is checked and processed before anything is stored; the files are written, then
 * the rows and the audit row in one transaction (the files are removed if it fails), then the
 * board is told. Sending the same report id again returns the stored report and changes nothing.
 */
export async function createFieldReport({ ctx, input, photos = [] }: { ctx: VerbContext; input: unknown; photos?: UploadedPhoto[] }) {
  const report = parseInput(fieldReportInput, input);
  const incidentId = parseInput(fieldReportIncident, input).incidentId;
  const { incident, assignment } = await findReporterAssignment(ctx, incidentId);

  const stored = await findStoredReport(ctx, report.id, incidentId);
  if (stored) return stored;
  if (incident.status !== 'active' || assignment.closedAt) throw conflict('incidentClosed');
  if (photos.length > FIELD_PHOTO_LIMITS.maxPhotos) throw invalid('tooManyPhotos', { field: 'photo', max: FIELD_PHOTO_LIMITS.maxPhotos });
  if (!report.text && photos.length === 0) throw invalid('fieldReportEmpty', { field: 'text' });

  const processed: ProcessedPhoto[] = [];
  for (const [index, photo] of photos.entries()) {
    try {
      processed.push(await processFieldPhoto(photo.bytes, { originalExif: photo.originalExif, utcOffsetMinutes: report.utcOffsetMinutes }));
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(error.code, error.messageKey, { ...error.details, field: 'photo', photo: index + 1 });
      throw error;
    }
  }

  const now = ctx.now();
  const capturedAt = keepBetween(report.capturedAt, assignment.sentAt, now);
  const photoIds = processed.map(() => randomUUID());
  try {
    for (const [index, photo] of processed.entries()) await storeFieldPhoto(photoIds[index]!, photo.jpeg);
    await withTransaction(ctx.db, async (tx) => {
      const inserted = await tx
        .insert(fieldReports)
        .values({
          id: report.id,
          incidentId,
          jurisdictionId: incident.jurisdictionId,
          assignmentId: assignment.id,
          authorId: ctx.actor.id,
          text: report.text,
          lat: report.position?.lat ?? null,
          lng: report.position?.lng ?? null,
          accuracy: report.position?.accuracy ?? null,
          capturedAt,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: fieldReports.id });
      // The phone sent the same report twice at once (its outbox retried while the first was still
      // uploading): the other request stored it first, and this one answers with that report.
      if (inserted.length === 0) throw new ReportStoredMeanwhile();
      if (processed.length > 0) {
        await tx.insert(fieldReportPhotos).values(
          processed.map((photo, index) => ({
            id: photoIds[index]!,
            reportId: report.id,
            position: index,
            width: photo.width,
            height: photo.height,
            bytes: photo.jpeg.byteLength,
            takenAt: photo.takenAt,
            lat: photo.lat,
            lng: photo.lng,
          })),
        );
      }
      await recordAudit(tx, {
        jurisdictionId: incident.jurisdictionId,
        actorId: ctx.actor.id,
        action: 'field_report.added',
        entityType: 'field_report',
        entityId: report.id,
        incidentId,
        data: {
          role: assignment.roleName,
          photos: processed.length,
          ...(report.text ? { text: report.text.slice(0, 200) } : {}),
          ...(report.position ? { lat: report.position.lat, lng: report.position.lng } : {}),
          ...(capturedAt.getTime() !== now.getTime() ? { occurredAt: capturedAt.toISOString() } : {}),
        },
        at: now,
      });
    });
  } catch (error) {
    await removeFieldPhotos(photoIds);
    if (error instanceof ReportStoredMeanwhile) return (await findStoredReport(ctx, report.id, incidentId))!;
    throw error;
  }

  const view = (await loadFieldReports(ctx.db, incidentId, report.id))[0]!;
  ctx.emitter.fieldReportAdded(incident.jurisdictionId, fieldReportAddedMessage(view));
  return view;
}

const fieldReportIncident = z.object({ incidentId: z.string().uuid() });

class ReportStoredMeanwhile extends Error {}

/** A report already stored under this id: the same one again (its view), or someone else's id (a conflict). */
async function findStoredReport(ctx: VerbContext, reportId: string, incidentId: string) {
  const [existing] = await ctx.db.select().from(fieldReports).where(eq(fieldReports.id, reportId));
  if (!existing) return undefined;
  if (existing.authorId !== ctx.actor.id || existing.incidentId !== incidentId) throw conflict('fieldReportIdTaken');
  return (await loadFieldReports(ctx.db, incidentId, reportId))[0]!;
}

/** A phone's clock may be wrong: its time is kept within [sent, now] rather than refused. */
function keepBetween(claimed: string | undefined, sentAt: Date, now: Date): Date {
  if (!claimed) return now;
  return new Date(Math.min(Math.max(new Date(claimed).getTime(), sentAt.getTime()), now.getTime()));
}
