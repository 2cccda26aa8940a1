import { sql } from 'drizzle-orm';
import { ASSIGNMENT_STATUSES, REACHED_BY, STATUS_TIMESTAMP, type AssignmentStatus } from '../server/contracts/assignment-lifecycle';
import { ESCALATION_STEPS, type EscalationStep } from '../server/contracts/escalation';
import { RISK_LEVELS } from '../server/contracts/one-map-kinds';
import { USER_ROLES } from '../server/contracts/roles';
import { DEFAULT_DRILL_TARGETS, type DrillTargets } from '../server/contracts/drill-targets';
import { DEFAULT_INITIAL_REPORT_MINUTES, SEVERITIES, type InitialReportMinutes } from '../server/contracts/severity';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
  type SQLiteTimestampBuilderInitial,
} from 'drizzle-orm/sqlite-core';

// Timestamps are stored as epoch milliseconds and surface as Date; ids are UUID text.
// Nothing here relies on SQLite-only behaviour, so the same shape maps onto PostgreSQL.
const id = () => text('id').primaryKey();
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch() * 1000)`);

// Enums and lifecycles are written once, in the contracts (Data → Contracts is allowed).
export { USER_ROLES, type UserRole } from '../server/contracts/roles';
export { RISK_LEVELS, type RiskLevel } from '../server/contracts/one-map-kinds';

export { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../server/contracts/assignment-lifecycle';

// What happens, in order, while an assignment waits for 收到. Each step fires one ack timeout after the last.
export { ESCALATION_STEPS, type EscalationStep } from '../server/contracts/escalation';
export const DEFAULT_ACK_TIMEOUT_SECONDS = 60;

type LaterStatus = Exclude<AssignmentStatus, 'sent'>;
/**
 * When an assignment reached each status after `sent`: one nullable column per status, named after it
 * (`en_route` → `en_route_at`), from the lifecycle, so a new status brings its column with it.
 */
const statusTimeColumns = () =>
  Object.fromEntries(
    ASSIGNMENT_STATUSES.filter((status) => status !== 'sent').map((status) => [
      STATUS_TIMESTAMP[status],
      integer(`${status}_at`, { mode: 'timestamp_ms' }),
    ]),
  ) as { [S in LaterStatus as (typeof STATUS_TIMESTAMP)[S]]: SQLiteTimestampBuilderInitial<`${S}_at`> };

export const INCIDENT_STATUSES = ['active', 'lifted'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const jurisdictions = sqliteTable('jurisdictions', {
  id: id(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  centerLat: real('center_lat').notNull(),
  centerLng: real('center_lng').notNull(),
  zoom: integer('zoom').notNull().default(12),
  // Minutes from discovery to the 初报, per severity (server/contracts/severity.ts).
  initialReportMinutes: text('initial_report_minutes', { mode: 'json' })
    .$type<InitialReportMinutes>()
    .notNull()
    .default(DEFAULT_INITIAL_REPORT_MINUTES),
  // The 初报's map shows sensitive receptors and risk enterprises within this many metres of the incident.
  reportMapRadiusM: integer('report_map_radius_m').notNull().default(3000),
  createdAt: createdAt(),
});

export const departments = sqliteTable(
  'departments',
  {
    id: id(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    // Notified when nobody on a role of this department acknowledges (escalation step 3).
    supervisorId: text('supervisor_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('departments_jurisdiction_code').on(table.jurisdictionId, table.code)],
);

export const enterprises = sqliteTable('enterprises', {
  id: id(),
  jurisdictionId: text('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  industry: text('industry').notNull(),
  lat: real('lat').notNull(),
  lng: real('lng').notNull(),
  riskLevel: text('risk_level', { enum: RISK_LEVELS }).notNull(),
  contactName: text('contact_name').notNull(),
  contactPhone: text('contact_phone').notNull(),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: id(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone').notNull().default(''),
    role: text('role', { enum: USER_ROLES }).notNull(),
    departmentId: text('department_id').references(() => departments.id),
    enterpriseId: text('enterprise_id').references(() => enterprises.id),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    // The duty roster: who is paged now. Off-duty staff never receive assignments.
    isOnDuty: integer('is_on_duty', { mode: 'boolean' }).notNull().default(false),
    // 签发权: may sign off the statutory reports (a bureau leader or a designated duty officer).
    canSignOff: integer('can_sign_off', { mode: 'boolean' }).notNull().default(false),
    dutyChangedAt: integer('duty_changed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('users_username').on(table.username), index('users_department').on(table.departmentId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked database does not leak live sessions.
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('sessions_user').on(table.userId)],
);

export const plans = sqliteTable('plans', {
  id: id(),
  jurisdictionId: text('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  name: text('name').notNull(),
  incidentType: text('incident_type').notNull(),
  description: text('description').notNull().default(''),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  // What a response under this plan should achieve; a drill is scored against it.
  targets: text('targets', { mode: 'json' }).$type<DrillTargets>().notNull().default(DEFAULT_DRILL_TARGETS),
  createdAt: createdAt(),
});

export const planRoles = sqliteTable(
  'plan_roles',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    instructions: text('instructions').notNull(),
    // One item per line, e.g. "吸油毡 20 张".
    materials: text('materials').notNull().default(''),
    targetLabel: text('target_label').notNull(),
    // Null means "the incident location itself".
    targetLat: real('target_lat'),
    targetLng: real('target_lng'),
    requiredCount: integer('required_count').notNull().default(1),
    // Escalation policy for this role: the wait for 收到 before each step, and which steps run.
    ackTimeoutSeconds: integer('ack_timeout_seconds').notNull().default(DEFAULT_ACK_TIMEOUT_SECONDS),
    escalationSteps: text('escalation_steps', { mode: 'json' })
      .$type<EscalationStep[]>()
      .notNull()
      .default([...ESCALATION_STEPS]),
    // The role cannot be marked done (完成) until its assignee has sent a field report with a photo (拍照取证).
    requiresPhoto: integer('requires_photo', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [index('plan_roles_plan').on(table.planId)],
);

// People pre-assigned to a role; they are paged first, in priority order, when on duty.
export const planRoleMembers = sqliteTable(
  'plan_role_members',
  {
    planRoleId: text('plan_role_id')
      .notNull()
      .references(() => planRoles.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    priority: integer('priority').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.planRoleId, table.userId] })],
);

export const incidents = sqliteTable(
  'incidents',
  {
    id: id(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    incidentType: text('incident_type').notNull(),
    description: text('description').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    enterpriseId: text('enterprise_id').references(() => enterprises.id),
    isDrill: integer('is_drill', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('active'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    liftedAt: integer('lifted_at', { mode: 'timestamp_ms' }),
    // Why the alarm was lifted (警报解除), as the officer wrote it: on the timeline, the phones and the reports.
    liftReason: text('lift_reason'),
    liftedBy: text('lifted_by').references(() => users.id),
    // The seq of the latest 情况通报 (incident_updates); 0 before the first.
    updateSeq: integer('update_seq').notNull().default(0),
    // 事件分级, set at the trigger or later (each change is an incident.severity_changed audit event).
    severity: text('severity', { enum: SEVERITIES }),
    // When the incident was discovered: the 初报 clock runs from here. The trigger's time unless the
    // report it came from says otherwise (a machine's report carries the time it saw the incident).
    discoveredAt: integer('discovered_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('incidents_jurisdiction_status').on(table.jurisdictionId, table.status)],
);

// A role that could not be fully staffed when the incident was triggered.
export const shortfalls = sqliteTable(
  'shortfalls',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    planRoleId: text('plan_role_id').notNull(),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    roleName: text('role_name').notNull(),
    required: integer('required').notNull(),
    assigned: integer('assigned').notNull(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.planRoleId] })],
);

// One person's role card in one incident: a snapshot of the plan role at trigger time.
export const assignments = sqliteTable(
  'assignments',
  {
    id: id(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    planRoleId: text('plan_role_id').notNull(),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    roleName: text('role_name').notNull(),
    instructions: text('instructions').notNull(),
    materials: text('materials').notNull(),
    targetLabel: text('target_label').notNull(),
    targetLat: real('target_lat').notNull(),
    targetLng: real('target_lng').notNull(),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('sent'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    ...statusTimeColumns(),
    // 收到 recorded by a duty officer for someone reached another way (by phone…): how, and by whom.
    acknowledgedVia: text('acknowledged_via', { enum: REACHED_BY }),
    acknowledgedById: text('acknowledged_by_id').references((): AnySQLiteColumn => users.id),
    // Set when the alarm is lifted: the card leaves the assignee's phone.
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    // 已撤回: why the duty officer stood this person down (the status and stood_down_at say when).
    stoodDownReason: text('stood_down_reason'),
    // Delivery: how often the card was pushed, and when to push again while still undelivered.
    pushAttempts: integer('push_attempts').notNull().default(0),
    nextPushAt: integer('next_push_at', { mode: 'timestamp_ms' }),
    // 情况通报 delivery, like the card's: the highest update seq a phone confirmed for this card, and
    // when to push the rest again while it lags behind incidents.update_seq.
    updatesSeenSeq: integer('updates_seen_seq').notNull().default(0),
    updatePushAttempts: integer('update_push_attempts').notNull().default(0),
    nextUpdatePushAt: integer('next_update_push_at', { mode: 'timestamp_ms' }),
    // Escalation, snapshotted from the plan role at trigger time. Null nextEscalationAt = nothing pending.
    ackTimeoutSeconds: integer('ack_timeout_seconds').notNull().default(DEFAULT_ACK_TIMEOUT_SECONDS),
    escalationSteps: text('escalation_steps', { mode: 'json' })
      .$type<EscalationStep[]>()
      .notNull()
      .default([...ESCALATION_STEPS]),
    escalationStep: integer('escalation_step').notNull().default(0),
    nextEscalationAt: integer('next_escalation_at', { mode: 'timestamp_ms' }),
    // A backup's card points at the assignment nobody acknowledged.
    backupForId: text('backup_for_id'),
  },
  (table) => [
    uniqueIndex('assignments_incident_user').on(table.incidentId, table.userId),
    index('assignments_user_open').on(table.userId, table.closedAt),
    index('assignments_next_push').on(table.nextPushAt),
    index('assignments_next_update_push').on(table.nextUpdatePushAt),
    index('assignments_next_escalation').on(table.nextEscalationAt),
    // Every 收到 looks up the backups paged for its card; without this it scanned all assignments ever made.
    index('assignments_backup_for').on(table.backupForId),
    // The board's counts after every 收到 (total, acknowledged) read this index alone, not every row.
    index('assignments_incident_ack').on(table.incidentId, table.acknowledgedAt),
  ],
);

// Append-only. The incident timeline is read from here.
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    incidentId: text('incident_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('audit_incident').on(table.incidentId, table.createdAt)],
);

// A retried trigger with the same Idempotency-Key returns the first incident instead of a second one.
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    incidentId: text('incident_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] })],
);

export type User = typeof users.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Enterprise = typeof enterprises.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanRole = typeof planRoles.$inferSelect;
export type Incident = typeof incidents.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
