import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { RISK_POINT_KINDS, type RiskPointKind } from '../server/contracts/one-map-kinds';
import { enterprises, users } from './schema-core';

// 环境应急一张图. The editable draft lives in normalized tables (site plan, points, contacts,
// materials, control points); publishing freezes an immutable JSON snapshot in map_versions,
// which is what responders read.

export { RISK_POINT_KINDS, type RiskPointKind } from '../server/contracts/one-map-kinds';

export type Substance = { name: string; maxQuantity: number; unit: string };

export const sitePlans = sqliteTable('site_plans', {
  enterpriseId: text('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id, { onDelete: 'cascade' }),
  // Generated name under the uploads directory; never the uploader's file name.
  fileName: text('file_name').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  uploadedBy: text('uploaded_by').references(() => users.id),
  uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
});

export const riskPoints = sqliteTable(
  'risk_points',
  {
    id: text('id').primaryKey(),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RISK_POINT_KINDS }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // Pixel position on the site plan (origin top-left).
    x: real('x').notNull(),
    y: real('y').notNull(),
    substances: text('substances', { mode: 'json' }).$type<Substance[]>().notNull().default([]),
    disposalSteps: text('disposal_steps', { mode: 'json' }).$type<string[]>().notNull().default([]),
    responsibleName: text('responsible_name').notNull().default(''),
    responsiblePhone: text('responsible_phone').notNull().default(''),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('risk_points_enterprise_code').on(table.enterpriseId, table.code)],
);

export const enterpriseContacts = sqliteTable(
  'enterprise_contacts',
  {
    id: text('id').primaryKey(),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    phone: text('phone').notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [index('enterprise_contacts_enterprise').on(table.enterpriseId)],
);

export const enterpriseMaterials = sqliteTable(
  'enterprise_materials',
  {
    id: text('id').primaryKey(),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    quantity: text('quantity').notNull(),
    location: text('location').notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [index('enterprise_materials_enterprise').on(table.enterpriseId)],
);

// Control points tying plan pixels to the geographic map (2–3 per plan).
export const georefPoints = sqliteTable(
  'georef_points',
  {
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    x: real('x').notNull(),
    y: real('y').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
  },
  (table) => [primaryKey({ columns: [table.enterpriseId, table.position] })],
);

export const mapVersions = sqliteTable(
  'map_versions',
  {
    id: text('id').primaryKey(),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    changes: text('changes', { mode: 'json' }).$type<string[]>().notNull().default([]),
    publishedBy: text('published_by').references(() => users.id),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
    approvedBy: text('approved_by').references(() => users.id),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
  },
  (table) => [uniqueIndex('map_versions_enterprise_version').on(table.enterpriseId, table.version)],
);

// 清单式填报: a guided checklist that can be saved half-done and resumed.
export const checklistDrafts = sqliteTable('checklist_drafts', {
  enterpriseId: text('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id, { onDelete: 'cascade' }),
  step: integer('step').notNull().default(0),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
});

export type RiskPoint = typeof riskPoints.$inferSelect;
export type MapVersion = typeof mapVersions.$inferSelect;
