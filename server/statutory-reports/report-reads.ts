import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db';
import { incidents, jurisdictions, neighbourNotifications, statutoryReports, statutoryReportVersions, users } from '../../db/schema';
import { initialReportDeadline, initialReportMinutesFor, type InitialReportClock } from '../contracts/report-deadline';
import type { StatutoryReportView } from '../contracts/statutory-report-input';
import { notFound } from '../kernel/errors';

const signer = alias(users, 'signer');

/** The incident, only in the caller's jurisdiction (anything else is not found), with its 初报 minutes. */
export async function findScopedIncident(db: DbOrTx, jurisdictionId: string, incidentId: string) {
  const [row] = await db
    .select({ incident: incidents, minutes: jurisdictions.initialReportMinutes })
    .from(incidents)
    .innerJoin(jurisdictions, eq(jurisdictions.id, incidents.jurisdictionId))
    .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, jurisdictionId)));
  if (!row) throw notFound('incidentNotFound');
  return row;
}

/** A report of that incident, or not found. */
export async function findReport(db: DbOrTx, incidentId: string, reportId: string) {
  const [report] = await db
    .select()
    .from(statutoryReports)
    .where(and(eq(statutoryReports.id, reportId), eq(statutoryReports.incidentId, incidentId)));
  if (!report) throw notFound('statutoryReportNotFound');
  return report;
}

/** Every report of the incident (or the one asked for) with all its versions and notifications. */
export async function loadReportViews(db: DbOrTx, incidentId: string, reportId?: string): Promise<StatutoryReportView[]> {
  const reports = await db
    .select({ report: statutoryReports, createdBy: users.displayName })
    .from(statutoryReports)
    .innerJoin(users, eq(users.id, statutoryReports.createdBy))
    .where(and(eq(statutoryReports.incidentId, incidentId), reportId ? eq(statutoryReports.id, reportId) : undefined))
    .orderBy(asc(statutoryReports.createdAt), asc(statutoryReports.seq));
  if (reports.length === 0) return [];
  const ids = reports.map((row) => row.report.id);
  const versions = await db
    .select({ version: statutoryReportVersions, savedBy: users.displayName, signedOffBy: signer.displayName })
    .from(statutoryReportVersions)
    .innerJoin(users, eq(users.id, statutoryReportVersions.savedBy))
    .leftJoin(signer, eq(signer.id, statutoryReportVersions.signedOffBy))
    .where(inArray(statutoryReportVersions.reportId, ids))
    .orderBy(asc(statutoryReportVersions.version));
  const notifications = await db
    .select({ notification: neighbourNotifications, recordedBy: users.displayName })
    .from(neighbourNotifications)
    .innerJoin(users, eq(users.id, neighbourNotifications.recordedBy))
    .where(inArray(neighbourNotifications.reportId, ids))
    .orderBy(asc(neighbourNotifications.notifiedAt));
  return reports.map(({ report, createdBy }) => ({
    id: report.id,
    incidentId: report.incidentId,
    kind: report.kind,
    seq: report.seq,
    createdBy,
    createdAt: report.createdAt.toISOString(),
    versions: versions
      .filter((row) => row.version.reportId === report.id)
      .map(({ version, savedBy, signedOffBy }) => ({
        version: version.version,
        content: version.content,
        savedBy,
        savedAt: version.savedAt.toISOString(),
        signedOffBy: signedOffBy ?? null,
        signedOffAt: version.signedOffAt ? version.signedOffAt.toISOString() : null,
      })),
    notifications: notifications
      .filter((row) => row.notification.reportId === report.id)
      .map(({ notification, recordedBy }) => ({
        id: notification.id,
        jurisdictionName: notification.jurisdictionName,
        contact: notification.contact,
        means: notification.means,
        notifiedAt: notification.notifiedAt.toISOString(),
        recordedBy,
        recordedAt: notification.recordedAt.toISOString(),
      })),
  }));
}

/** The 初报 clock of an incident: from discovery, by its level, and the first 初报 sign-off if any. */
export async function loadInitialReportClock(db: DbOrTx, jurisdictionId: string, incidentId: string): Promise<InitialReportClock> {
  const { incident, minutes } = await findScopedIncident(db, jurisdictionId, incidentId);
  const discoveredAt = incident.discoveredAt ?? incident.createdAt;
  const severity = incident.severity ?? null;
  const signed = await db
    .select({ signedOffAt: statutoryReportVersions.signedOffAt })
    .from(statutoryReportVersions)
    .innerJoin(statutoryReports, eq(statutoryReports.id, statutoryReportVersions.reportId))
    .where(and(eq(statutoryReports.incidentId, incidentId), eq(statutoryReports.kind, 'initial')));
  const first = signed
    .map((row) => row.signedOffAt?.getTime())
    .filter((time): time is number => typeof time === 'number')
    .sort((a, b) => a - b)[0];
  return {
    discoveredAt: discoveredAt.toISOString(),
    severity,
    minutes: initialReportMinutesFor(minutes, severity),
    deadline: initialReportDeadline(discoveredAt, minutes, severity).toISOString(),
    signedOffAt: first === undefined ? null : new Date(first).toISOString(),
  };
}
