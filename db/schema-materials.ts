import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MATERIAL_UNITS, RESERVATION_STATUSES } from '../server/contracts/materials';
import { enterprises, incidents, jurisdictions } from './schema-core';

// 应急物资 (server/materials). Stock is what is on the shelf and free to reserve: a reservation
// takes it off with a conditional UPDATE (quantity >= n), so two incidents never take the same
// boom; what was not consumed goes back at the lift.

export { MATERIAL_UNITS, RESERVATION_STATUSES, type MaterialUnit, type ReservationStatus } from '../server/contracts/materials';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch() * 1000)`);

export const materialItems = sqliteTable(
  'material_items',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    unit: text('unit', { enum: MATERIAL_UNITS }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('material_items_name').on(table.jurisdictionId, table.name)],
);

// A depot of the jurisdiction, or (enterpriseId set) an enterprise's own stock.
export const materialDepots = sqliteTable(
  'material_depots',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: text('enterprise_id').references(() => enterprises.id),
    name: text('name').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    custodianName: text('custodian_name').notNull(),
    custodianPhone: text('custodian_phone').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('material_depots_name').on(table.jurisdictionId, table.name)],
);

export const materialStock = sqliteTable(
  'material_stock',
  {
    depotId: text('depot_id')
      .notNull()
      .references(() => materialDepots.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => materialItems.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.depotId, table.itemId] }), index('material_stock_item').on(table.itemId)],
);

export const planRoleMaterials = sqliteTable(
  'plan_role_materials',
  {
    // No foreign key: saving a plan deletes and re-inserts its roles under the same ids
    // (server/plans/replace-plan-roles.ts), which a cascade would turn into losing the list.
    // Rows of a role that is gone are never read (the trigger reads by the plan's current roles).
    planRoleId: text('plan_role_id').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => materialItems.id),
    quantity: integer('quantity').notNull(),
  },
  (table) => [primaryKey({ columns: [table.planRoleId, table.itemId] })],
);

export const materialReservations = sqliteTable(
  'material_reservations',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    planRoleId: text('plan_role_id'),
    roleName: text('role_name').notNull(),
    depotId: text('depot_id')
      .notNull()
      .references(() => materialDepots.id),
    itemId: text('item_id')
      .notNull()
      .references(() => materialItems.id),
    quantity: integer('quantity').notNull(),
    consumed: integer('consumed'),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull().default('reserved'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('material_reservations_incident').on(table.incidentId)],
);

// A required material the trigger could not reserve in full, warned like a people shortfall.
export const materialShortfalls = sqliteTable(
  'material_shortfalls',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    planRoleId: text('plan_role_id').notNull(),
    roleName: text('role_name').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => materialItems.id),
    required: integer('required').notNull(),
    reserved: integer('reserved').notNull(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.planRoleId, table.itemId] })],
);

export type MaterialItem = typeof materialItems.$inferSelect;
export type MaterialDepot = typeof materialDepots.$inferSelect;
export type MaterialReservation = typeof materialReservations.$inferSelect;
