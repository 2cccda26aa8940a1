import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../../db';
import {
  enterprises,
  fieldReportPhotos,
  fieldReports,
  incidents,
  jurisdictions,
  neighbourNotifications,
  sensitiveReceptors,
  statutoryReports,
  statutoryReportVersions,
  users,
} from '../../../db/schema';
import type { StatutoryReportContent, StatutoryReportKind } from '../../contracts/statutory-reports';
import { isCommand, type Actor } from '../../kernel/auth/actor';
import { forbidden, notFound } from '../../kernel/errors';
import { readFieldPhoto } from '../../field-reports/photo-store';
import { selectMapFeatures, type MapFeature } from './report-map';

/** At most this many photos go into one export, so a report stays a document and not an album. */
export const MAX_EXPORT_PHOTOS = 12;

export type ExportPhoto = {
  id: string;
  author: string;
  capturedAt: Date;
  text: string;
  width: number;
  height: number;
  jpeg: Buffer | null;
};

/** Everything one export draws: the version, who saved and signed it, the map and the photos. */
export type ExportData = {
  kind: StatutoryReportKind;
  seq: number;
  version: number;
  content: StatutoryReportContent;
  isDrill: boolean;
  savedBy: string;
  savedAt: Date;
  signedOff: { by: string; at: Date } | null;
  map: { radiusM: number; features: MapFeature[] };
  photos: ExportPhoto[];
  /** Neighbouring jurisdictions told of the incident under this report: whom, how and when. */
  notifications: { jurisdictionName: string; contact: string; means: string; notifiedAt: Date }[];
};

const signer = alias(users, 'signer');

/**
 * Reads one version of a statutory report for export. Only the command roles (duty officer, admin)
 * of the incident's jurisdiction may: another jurisdiction's incident does not exist for the asker
 * (404), field staff and enterprises are refused (403).
 */
export async function loadExportData(
  db: DbOrTx,
  actor: Actor,
  ids: { incidentId: string; reportId: string; version: number },
): Promise<ExportData> {
  const [incident] = await db
    .select({
      jurisdictionId: incidents.jurisdictionId,
      isDrill: incidents.isDrill,
      lat: incidents.lat,
      lng: incidents.lng,
      radiusM: jurisdictions.reportMapRadiusM,
    })
    .from(incidents)
    .innerJoin(jurisdictions, eq(jurisdictions.id, incidents.jurisdictionId))
    .where(eq(incidents.id, ids.incidentId));
  if (!incident || incident.jurisdictionId !== actor.jurisdictionId) throw notFound('incidentNotFound');
  if (!isCommand(actor)) throw forbidden('onlyCommandExportsReports');

  const [row] = await db
    .select({ report: statutoryReports, version: statutoryReportVersions, savedBy: users.displayName, signer: signer.displayName })
    .from(statutoryReportVersions)
    .innerJoin(statutoryReports, eq(statutoryReports.id, statutoryReportVersions.reportId))
    .innerJoin(users, eq(users.id, statutoryReportVersions.savedBy))
    .leftJoin(signer, eq(signer.id, statutoryReportVersions.signedOffBy))
    .where(
      and(
        eq(statutoryReports.id, ids.reportId),
        eq(statutoryReports.incidentId, ids.incidentId),
        eq(statutoryReportVersions.version, ids.version),
      ),
    );
  if (!row) throw notFound('statutoryReportNotFound');
  const content = withDefaults(row.version.content, incident);

  const [receptors, riskEnterprises] = await Promise.all([
    db.select().from(sensitiveReceptors).where(eq(sensitiveReceptors.jurisdictionId, actor.jurisdictionId)),
    db
      .select({ id: enterprises.id, name: enterprises.name, lat: enterprises.lat, lng: enterprises.lng, riskLevel: enterprises.riskLevel })
      .from(enterprises)
      .where(eq(enterprises.jurisdictionId, actor.jurisdictionId)),
  ]);
  const features = selectMapFeatures(content.location, incident.radiusM, receptors, riskEnterprises);

  return {
    kind: row.report.kind,
    seq: row.report.seq,
    version: row.version.version,
    content,
    isDrill: incident.isDrill,
    savedBy: row.savedBy,
    savedAt: row.version.savedAt,
    signedOff: row.version.signedOffAt && row.signer ? { by: row.signer, at: row.version.signedOffAt } : null,
    map: { radiusM: incident.radiusM, features },
    photos: await loadPhotos(db, ids.incidentId, content.fieldReportIds),
    notifications: await db
      .select({
        jurisdictionName: neighbourNotifications.jurisdictionName,
        contact: neighbourNotifications.contact,
        means: neighbourNotifications.means,
        notifiedAt: neighbourNotifications.notifiedAt,
      })
      .from(neighbourNotifications)
      .where(eq(neighbourNotifications.reportId, ids.reportId))
      .orderBy(asc(neighbourNotifications.notifiedAt)),
  };
}

const TEXT_FIELDS = [
  'discoveredAt',
  'source',
  'incidentType',
  'causeAndNature',
  'pollutants',
  'casualties',
  'receptorsAffected',
  'trend',
  'actionsTaken',
  'nextSteps',
  'forcesAndMaterials',
  'reportingUnit',
  'reporterName',
  'contactPhone',
  'measuresAndResults',
  'indirectLosses',
  'socialImpact',
  'remainingWork',
  'accountability',
] as const;

/**
 * A stored version as the renderers expect it, whatever an older or partial draft left out: an
 * export prints what is there rather than failing on a missing field.
 */
function withDefaults(stored: Partial<StatutoryReportContent> | null, incident: { lat: number; lng: number }): StatutoryReportContent {
  const content = (stored ?? {}) as Partial<StatutoryReportContent>;
  const text = Object.fromEntries(TEXT_FIELDS.map((key) => [key, typeof content[key] === 'string' ? content[key] : '']));
  const location = content.location;
  const hasPoint = typeof location?.lat === 'number' && typeof location.lng === 'number';
  return {
    ...(text as Pick<StatutoryReportContent, (typeof TEXT_FIELDS)[number]>),
    location: {
      text: typeof location?.text === 'string' ? location.text : '',
      lat: hasPoint ? location.lat : incident.lat,
      lng: hasPoint ? location.lng : incident.lng,
    },
    severity: content.severity ?? null,
    enterprises: Array.isArray(content.enterprises)
      ? content.enterprises.map((enterprise) => ({
          ...enterprise,
          substances: Array.isArray(enterprise.substances) ? enterprise.substances : [],
        }))
      : [],
    monitoring: Array.isArray(content.monitoring) ? content.monitoring : [],
    fieldReportIds: Array.isArray(content.fieldReportIds) ? content.fieldReportIds : [],
  };
}

/** The photos of the chosen field reports, only those of this incident, in the order they were taken. */
async function loadPhotos(db: DbOrTx, incidentId: string, fieldReportIds: string[]): Promise<ExportPhoto[]> {
  const chosen = [...new Set(fieldReportIds.filter((id) => typeof id === 'string'))];
  if (chosen.length === 0) return [];
  const rows = await db
    .select({
      id: fieldReportPhotos.id,
      author: users.displayName,
      capturedAt: fieldReports.capturedAt,
      text: fieldReports.text,
      width: fieldReportPhotos.width,
      height: fieldReportPhotos.height,
    })
    .from(fieldReportPhotos)
    .innerJoin(fieldReports, eq(fieldReports.id, fieldReportPhotos.reportId))
    .innerJoin(users, eq(users.id, fieldReports.authorId))
    .where(and(eq(fieldReports.incidentId, incidentId), inArray(fieldReports.id, chosen)))
    .orderBy(asc(fieldReports.capturedAt), asc(fieldReportPhotos.position))
    .limit(MAX_EXPORT_PHOTOS);
  return Promise.all(rows.map(async (photo) => ({ ...photo, jpeg: await readFieldPhoto(photo.id) })));
}
