import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { assignments, incidents, users } from './schema-core';

// Field reports (现场报告): what an assignee found, sent from the phone with photos and position.
// The id is generated on the phone, so a report queued offline and sent twice is stored once.
export const fieldReports = sqliteTable(
  'field_reports',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    jurisdictionId: text('jurisdiction_id').notNull(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull().default(''),
    // The phone's position when the report was written (WGS-84), with its accuracy in metres.
    lat: real('lat'),
    lng: real('lng'),
    accuracy: real('accuracy'),
    // When the person wrote it on the phone (kept between the card's sending and arrival, like a queued tap).
    capturedAt: integer('captured_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('field_reports_incident').on(table.incidentId, table.createdAt)],
);

export const fieldReportPhotos = sqliteTable(
  'field_report_photos',
  {
    // Also the file's generated name under UPLOAD_DIR/field-photos (`<id>.jpg`).
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => fieldReports.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    // From the original photo's EXIF, when it had them: when and where the picture was taken.
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }),
    lat: real('lat'),
    lng: real('lng'),
  },
  (table) => [index('field_report_photos_report').on(table.reportId)],
);

export type FieldReportRow = typeof fieldReports.$inferSelect;
export type FieldReportPhotoRow = typeof fieldReportPhotos.$inferSelect;
