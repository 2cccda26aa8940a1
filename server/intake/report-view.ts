import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { integrationTokens, intakeReports, type IntakeReport } from '../../db/schema';
import type { IntakeStatus, PendingReportView } from '../contracts/intake';

export const toReportView = (row: IntakeReport, source: string): PendingReportView => ({
  id: row.id,
  source,
  reporter: { name: row.reporterName, phone: row.reporterPhone, org: row.reporterOrg },
  reportedAt: row.reportedAt.toISOString(),
  location: { lat: row.lat, lng: row.lng, address: row.address },
  incidentType: row.incidentType,
  text: row.text,
  photoUrls: row.photoUrls,
  suggestedPlanId: row.suggestedPlanId,
  status: row.status,
  incidentId: row.incidentId,
  dismissReason: row.dismissReason,
  createdAt: row.createdAt.toISOString(),
});

/** Reports of one jurisdiction (optionally one report, or one status), newest first, with their source's name. */
export async function loadReportViews(
  db: DbOrTx,
  jurisdictionId: string,
  filter: { reportId?: string; status?: IntakeStatus } = {},
): Promise<PendingReportView[]> {
  const rows = await db
    .select({ report: intakeReports, source: integrationTokens.name })
    .from(intakeReports)
    .innerJoin(integrationTokens, eq(integrationTokens.id, intakeReports.tokenId))
    .where(
      and(
        eq(intakeReports.jurisdictionId, jurisdictionId),
        filter.reportId ? eq(intakeReports.id, filter.reportId) : undefined,
        filter.status ? eq(intakeReports.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(intakeReports.createdAt))
    .limit(200);
  return rows.map((row) => toReportView(row.report, row.source));
}
