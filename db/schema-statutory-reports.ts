import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { RECEPTOR_KINDS, STATUTORY_REPORT_KINDS, type StatutoryReportContent } from '../server/contracts/statutory-reports';
import { incidents, jurisdictions, users } from './schema-core';

// The written reports the 突发环境事件信息报告办法 requires: 初报, any number of 续报, and the
// 处理结果报告. A report is a sequence of versions; a signed-off (签发) version is frozen, and a
// correction is a new version. The incident's severity history lives in audit_events
// (incident.severity_changed) like every other timeline entry.
export const statutoryReports = sqliteTable(
  'statutory_reports',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: STATUTORY_REPORT_KINDS }).notNull(),
    // 续报 are numbered 1, 2, 3 … per incident; the 初报 and the 处理结果报告 are 1.
    seq: integer('seq').notNull().default(1),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('statutory_reports_incident_kind_seq').on(table.incidentId, table.kind, table.seq)],
);

export const statutoryReportVersions = sqliteTable(
  'statutory_report_versions',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => statutoryReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: text('content', { mode: 'json' }).$type<StatutoryReportContent>().notNull(),
    savedBy: text('saved_by')
      .notNull()
      .references(() => users.id),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
    // 签发: set once; the version never changes after it.
    signedOffBy: text('signed_off_by').references(() => users.id),
    signedOffAt: integer('signed_off_at', { mode: 'timestamp_ms' }),
  },
  (table) => [uniqueIndex('statutory_report_versions_report_version').on(table.reportId, table.version)],
);

// A neighbouring jurisdiction told of the incident (an incident that may cross the boundary): whom, when, how.
export const neighbourNotifications = sqliteTable(
  'neighbour_notifications',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => statutoryReports.id, { onDelete: 'cascade' }),
    jurisdictionName: text('jurisdiction_name').notNull(),
    contact: text('contact').notNull(),
    means: text('means').notNull(),
    notifiedAt: integer('notified_at', { mode: 'timestamp_ms' }).notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('neighbour_notifications_report').on(table.reportId)],
);

// 环境敏感目标: what an incident may harm (a drinking-water intake, a school, a hospital, a residential
// area, a protected water body). The 初报's map shows those within the jurisdiction's radius.
export const sensitiveReceptors = sqliteTable(
  'sensitive_receptors',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind', { enum: RECEPTOR_KINDS }).notNull(),
    name: text('name').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('sensitive_receptors_jurisdiction').on(table.jurisdictionId)],
);
