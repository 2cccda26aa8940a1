import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enterprises, incidents, users } from './schema-core';

// The facts as they develop after 一键启动 (情况通报): what the duty officer posted, and what it
// changed. The incident row holds the current state; these rows hold how it got there, and each
// is delivered to every open card with the same guarantees as the card itself (a receipt,
// redelivery, and the phone's sync on reconnect), tracked per card by `assignments.updates_seen_seq`.
export const incidentUpdates = sqliteTable(
  'incident_updates',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    // 1, 2, 3 … per incident: a phone's receipt says "up to seq N", one number per card.
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    // Set only when the update moved the incident or changed its type.
    lat: real('lat'),
    lng: real('lng'),
    incidentType: text('incident_type'),
    linkedEnterpriseIds: text('linked_enterprise_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    unlinkedEnterpriseIds: text('unlinked_enterprise_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('incident_updates_incident_seq').on(table.incidentId, table.seq)],
);

// The enterprises an incident concerns: the one named at the trigger, and any linked later. Their
// published one-maps go on every card and on the board; they lead the suspected sources.
export const incidentEnterprises = sqliteTable(
  'incident_enterprises',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    linkedAt: integer('linked_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.incidentId, table.enterpriseId] }),
    index('incident_enterprises_enterprise').on(table.enterpriseId),
  ],
);
