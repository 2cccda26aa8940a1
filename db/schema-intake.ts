import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { INTAKE_STATUSES, TOKEN_SCOPES } from '../server/contracts/intake';
import { incidents, jurisdictions, plans, users } from './schema-core';

// Reports from other systems (a monitoring station, 12345 hotline software). An integration token
// authenticates the caller; each report becomes a pending incident on the duty officers' board.

export const integrationTokens = sqliteTable(
  'integration_tokens',
  {
    // Also the public key id a signed request names (X-EcoDispatch-Key-Id).
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    scope: text('scope', { enum: TOKEN_SCOPES }).notNull(),
    // sha256 of the bearer secret; the secret itself is shown once and never stored.
    tokenHash: text('token_hash').notNull(),
    // The HMAC signing key (derived from the secret), AES-256-GCM under INTEGRATION_KEY_SECRET;
    // null when the server had no such key when the token was made (bearer only).
    signingKeyCipher: text('signing_key_cipher'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedBy: text('revoked_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('integration_tokens_hash').on(table.tokenHash),
    index('integration_tokens_jurisdiction').on(table.jurisdictionId),
  ],
);

export const intakeReports = sqliteTable(
  'intake_reports',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    tokenId: text('token_id')
      .notNull()
      .references(() => integrationTokens.id),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    reporterName: text('reporter_name').notNull(),
    reporterPhone: text('reporter_phone').notNull().default(''),
    reporterOrg: text('reporter_org').notNull().default(''),
    reportedAt: integer('reported_at', { mode: 'timestamp_ms' }).notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    address: text('address').notNull().default(''),
    // An incident type code (matches plans.incident_type) or the sender's free text.
    incidentType: text('incident_type').notNull(),
    text: text('text').notNull(),
    // Links only: the server never fetches them.
    photoUrls: text('photo_urls', { mode: 'json' }).$type<string[]>().notNull().default([]),
    suggestedPlanId: text('suggested_plan_id').references(() => plans.id),
    status: text('status', { enum: INTAKE_STATUSES }).notNull().default('pending'),
    incidentId: text('incident_id').references(() => incidents.id),
    dismissReason: text('dismiss_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    uniqueIndex('intake_reports_token_key').on(table.tokenId, table.idempotencyKey),
    index('intake_reports_jurisdiction_status').on(table.jurisdictionId, table.status),
  ],
);

// Signatures already accepted, kept past the replay window: the same signed request twice is refused.
export const intakeSignatures = sqliteTable(
  'intake_signatures',
  {
    tokenId: text('token_id').notNull(),
    signature: text('signature').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tokenId, table.signature] })],
);

export type IntegrationToken = typeof integrationTokens.$inferSelect;
export type IntakeReport = typeof intakeReports.$inferSelect;
