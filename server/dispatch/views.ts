import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db';
import { preparedOn } from '../../db/prepared';
import { assignments, departments, enterprises, incidentEnterprises, incidents, plans, users } from '../../db/schema';
import { ASSIGNMENT_STATUSES, PERSON_STEPS, timesOf } from '../contracts/assignment-lifecycle';
import type { AssignmentView, IncidentSummary, IncidentUpdateView, LinkedEnterprise, RoleCard } from '../contracts/dispatch';
import { roleCardMessage } from '../push/messages';
import { iso, isoRequired } from './iso';
import { loadIncidentUpdates, loadLinkedEnterprises } from './incident-links';

const originalCard = alias(assignments, 'original_card');
const standInFor = alias(users, 'stands_in_for');

// Read models shared by the verbs: the board row, the role card and the incident summary.

const summaryColumns = { incident: incidents, planName: plans.name, createdBy: users.displayName };

/** The board row's columns (toAssignmentView): the assignment, its person and department. */
export const assignmentColumns = {
  assignment: assignments,
  userName: users.displayName,
  username: users.username,
  phone: users.phone,
  departmentName: departments.name,
};

export type AssignmentRow = {
  assignment: typeof assignments.$inferSelect;
  userName: string;
  username: string;
  phone: string;
  departmentName: string;
};

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  const a = row.assignment;
  return {
    id: a.id,
    incidentId: a.incidentId,
    userId: a.userId,
    username: row.username,
    userName: row.userName,
    phone: row.phone,
    department: row.departmentName,
    departmentId: a.departmentId,
    role: a.roleName,
    status: a.status,
    ...timesOf(ASSIGNMENT_STATUSES, a, iso),
    sentAt: isoRequired(a.sentAt),
    acknowledgedVia: a.acknowledgedVia,
    closedAt: iso(a.closedAt),
    stoodDownReason: a.stoodDownReason,
    pushAttempts: a.pushAttempts,
  };
}

/**
 * The board's order: department code, role, person; what loadAssignmentViews' ORDER BY gives, for
 * views built in memory. Plain code-unit comparison, as SQLite's default BINARY collation does.
 */
export function compareBoardOrder(
  a: { departmentCode: string; view: AssignmentView },
  b: { departmentCode: string; view: AssignmentView },
): number {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return byText(a.departmentCode, b.departmentCode) || byText(a.view.role, b.view.role) || byText(a.view.userName, b.view.userName);
}

export async function loadAssignmentViews(db: DbOrTx, where: { incidentId?: string; assignmentIds?: string[] }) {
  const conditions = [];
  if (where.incidentId) conditions.push(eq(assignments.incidentId, where.incidentId));
  if (where.assignmentIds) conditions.push(inArray(assignments.id, where.assignmentIds));
  const rows = await db
    .select(assignmentColumns)
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .innerJoin(departments, eq(departments.id, assignments.departmentId))
    .where(and(...conditions))
    .orderBy(asc(departments.code), asc(assignments.roleName), asc(users.displayName));
  return rows.map(toAssignmentView);
}

export async function loadAssignmentView(db: DbOrTx, assignmentId: string): Promise<AssignmentView | undefined> {
  const [row] = await statementsFor(db).assignmentById.execute({ assignmentId });
  return row ? toAssignmentView(row) : undefined;
}

/**
 * Role cards by assignment ids, every card of one incident (a dispatch: by key, not by a
 * 10,000-id list), or every open (not closed) card of one user.
 */
export async function loadRoleCards(
  db: DbOrTx,
  where: { assignmentIds: string[] } | { incidentId: string } | { openForUserId: string },
): Promise<RoleCard[]> {
  const condition =
    'assignmentIds' in where
      ? inArray(assignments.id, where.assignmentIds)
      : 'incidentId' in where
        ? eq(assignments.incidentId, where.incidentId)
        : and(eq(assignments.userId, where.openForUserId), isNull(assignments.closedAt));
  const rows = await db
    .select({
      assignment: assignments,
      incident: incidents,
      planName: plans.name,
      department: departments,
      standsInFor: standInFor.displayName,
    })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .innerJoin(plans, eq(plans.id, incidents.planId))
    // A backup's card names the person it stands in for (the original card's assignee).
    .leftJoin(originalCard, eq(originalCard.id, assignments.backupForId))
    .leftJoin(standInFor, eq(standInFor.id, originalCard.userId))
    .innerJoin(departments, eq(departments.id, assignments.departmentId))
    .where(condition)
    .orderBy(asc(assignments.sentAt));
  const incidentIds = [...new Set(rows.map((row) => row.incident.id))];
  const [linked, updates] = await Promise.all([loadLinkedEnterprises(db, incidentIds), loadIncidentUpdates(db, incidentIds)]);
  return rows.map((row) =>
    toRoleCard({ ...row, enterprises: linked.get(row.incident.id) ?? [], updates: updates.get(row.incident.id) ?? [] }),
  );
}

export type RoleCardRow = {
  assignment: typeof assignments.$inferSelect;
  incident: typeof incidents.$inferSelect;
  planName: string;
  department: { id: string; name: string; nameEn: string };
  enterprises: LinkedEnterprise[];
  updates: IncidentUpdateView[];
  /** For a backup's card: the name of the person it stands in for. */
  standsInFor?: string | null;
};

/** The card a phone shows; built from the rows just written by the trigger, or read back here. */
export function toRoleCard({
  assignment: a,
  incident,
  planName,
  department,
  enterprises: linked,
  updates,
  standsInFor,
}: RoleCardRow): RoleCard {
  return roleCardMessage({
    assignmentId: a.id,
    incidentId: a.incidentId,
    assigneeId: a.userId,
    status: a.status,
    roleName: a.roleName,
    department: { id: department.id, name: department.name, nameEn: department.nameEn },
    instructions: a.instructions,
    materials: a.materials
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    target: { label: a.targetLabel, lat: a.targetLat, lng: a.targetLng },
    standsInFor: standsInFor ?? null,
    sentAt: isoRequired(a.sentAt),
    ...timesOf(PERSON_STEPS, a, iso),
    incident: toCardIncident(incident, planName, linked),
    updates,
  });
}

/** The incident as a card shows it; a 情况通报 pushes this again with what it changed. */
export function toCardIncident(
  incident: typeof incidents.$inferSelect,
  planName: string,
  linked: LinkedEnterprise[],
): RoleCard['incident'] {
  return {
    id: incident.id,
    incidentType: incident.incidentType,
    planName,
    description: incident.description,
    isDrill: incident.isDrill,
    lat: incident.lat,
    lng: incident.lng,
    createdAt: isoRequired(incident.createdAt),
    enterprises: linked,
  };
}

/** One incident as its cards show it now (after a 情况通报), for the phones' push. */
export async function loadCardIncident(db: DbOrTx, incidentId: string): Promise<RoleCard['incident'] | undefined> {
  const [row] = await db
    .select({ incident: incidents, planName: plans.name })
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .where(eq(incidents.id, incidentId));
  if (!row) return undefined;
  const linked = await loadLinkedEnterprises(db, [incidentId]);
  return toCardIncident(row.incident, row.planName, linked.get(incidentId) ?? []);
}

export async function loadIncidentSummaries(
  db: DbOrTx,
  where: { jurisdictionId: string; incidentIds?: string[]; status?: 'active' | 'lifted' },
): Promise<IncidentSummary[]> {
  const conditions = [eq(incidents.jurisdictionId, where.jurisdictionId)];
  if (where.incidentIds) conditions.push(inArray(incidents.id, where.incidentIds));
  if (where.status) conditions.push(eq(incidents.status, where.status));
  const rows = await db
    .select(summaryColumns)
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .innerJoin(users, eq(users.id, incidents.createdBy))
    .where(and(...conditions))
    .orderBy(asc(incidents.createdAt));
  if (rows.length === 0) return [];
  const linked = await loadLinkedEnterprises(
    db,
    rows.map((row) => row.incident.id),
  );

  // Counted by the database: reading every assignment's state here made each 收到 in a
  // 10,000-person incident load 10,000 rows (bench/trigger-verb.ts).
  const counted = await db
    .select({ incidentId: assignments.incidentId, total: count(), acknowledged: count(assignments.acknowledgedAt) })
    .from(assignments)
    .where(
      and(
        inArray(
          assignments.incidentId,
          rows.map((row) => row.incident.id),
        ),
        isCounted,
      ),
    )
    .groupBy(assignments.incidentId);
  const countsById = new Map(counted.map((row) => [row.incidentId, row]));

  return rows
    .map((row) => toSummary({ ...row, enterprises: linked.get(row.incident.id) ?? [] }, countsById.get(row.incident.id)))
    .reverse();
}

// A card stood down (撤回) is no longer expected to answer: the header's 已收到 n/N leaves it out.
const isCounted = ne(assignments.status, 'stood_down');

export type SummaryRow = {
  incident: typeof incidents.$inferSelect;
  planName: string;
  enterprises: LinkedEnterprise[];
  createdBy: string;
};

export function toSummary(
  { incident, planName, enterprises: linked, createdBy }: SummaryRow,
  counts: { total: number; acknowledged: number } | undefined,
): IncidentSummary {
  const total = counts?.total ?? 0;
  const acknowledged = counts?.acknowledged ?? 0;
  return {
    id: incident.id,
    planId: incident.planId,
    planName,
    incidentType: incident.incidentType,
    description: incident.description,
    location: { lat: incident.lat, lng: incident.lng },
    enterprises: linked,
    isDrill: incident.isDrill,
    status: incident.status,
    createdAt: isoRequired(incident.createdAt),
    createdBy,
    liftedAt: iso(incident.liftedAt),
    liftReason: incident.liftReason,
    severity: incident.severity ?? null,
    discoveredAt: isoRequired(incident.discoveredAt ?? incident.createdAt),
    counts: { total, acknowledged, unacknowledged: total - acknowledged },
  };
}

/** One incident's summary; runs after every 收到, so its two statements are prepared once per connection. */
export async function loadIncidentSummary(db: DbOrTx, jurisdictionId: string, incidentId: string): Promise<IncidentSummary | undefined> {
  const statements = statementsFor(db);
  const [row] = await statements.summaryById.execute({ incidentId, jurisdictionId });
  if (!row) return undefined;
  const [[counts], linked] = await Promise.all([
    statements.countsById.execute({ incidentId }),
    statements.linksById.execute({ incidentId }),
  ]);
  return toSummary({ ...row, enterprises: linked }, counts);
}

// Run after every 收到 (one board row and one summary, with its links, each): prepared once (db/prepared.ts).
function statementsFor(db: DbOrTx) {
  return preparedOn(db, 'dispatch-views', prepareStatements);
}

function prepareStatements(db: DbOrTx) {
  return {
    assignmentById: db
      .select(assignmentColumns)
      .from(assignments)
      .innerJoin(users, eq(users.id, assignments.userId))
      .innerJoin(departments, eq(departments.id, assignments.departmentId))
      .where(eq(assignments.id, sql.placeholder('assignmentId')))
      .prepare(),
    summaryById: db
      .select(summaryColumns)
      .from(incidents)
      .innerJoin(plans, eq(plans.id, incidents.planId))
      .innerJoin(users, eq(users.id, incidents.createdBy))
      .where(and(eq(incidents.id, sql.placeholder('incidentId')), eq(incidents.jurisdictionId, sql.placeholder('jurisdictionId'))))
      .prepare(),
    // The linked enterprises, in the order linked (as loadLinkedEnterprises reads them for many incidents).
    linksById: db
      .select({ id: enterprises.id, name: enterprises.name, address: enterprises.address })
      .from(incidentEnterprises)
      .innerJoin(enterprises, eq(enterprises.id, incidentEnterprises.enterpriseId))
      .where(eq(incidentEnterprises.incidentId, sql.placeholder('incidentId')))
      .orderBy(asc(incidentEnterprises.linkedAt), asc(enterprises.name))
      .prepare(),
    countsById: db
      .select({ total: count(), acknowledged: count(assignments.acknowledgedAt) })
      .from(assignments)
      .where(and(eq(assignments.incidentId, sql.placeholder('incidentId')), isCounted))
      .prepare(),
  };
}
