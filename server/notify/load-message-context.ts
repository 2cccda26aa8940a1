import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { assignments, incidents, planRoles, plans, users, type Notification } from '../../db/schema';

export type MessageContext = {
  incident: {
    id: string;
    incidentType: string;
    planName: string;
    description: string;
    isDrill: boolean;
    isActive: boolean;
    liftedAt: Date | null;
    liftReason: string | null;
  } | null;
  assignment: {
    id: string;
    roleName: string;
    targetLabel: string;
    isOpen: boolean;
    isAcknowledged: boolean;
    isStoodDown: boolean;
    stoodDownReason: string | null;
    person: string;
    phone: string;
  } | null;
  recipient: { displayName: string; phone: string } | null;
  /** For a group message about a whole dispatch: everyone sent, in role order. */
  assignees: { roleName: string; person: string; phone: string }[];
};

/** Everything the text of one outbox row needs, read fresh at send time. */
export async function loadMessageContext(tx: DbOrTx, row: Notification): Promise<MessageContext> {
  const incident = row.incidentId ? await loadIncident(tx, row.incidentId) : null;
  const assignment = row.assignmentId ? await loadAssignment(tx, row.assignmentId) : null;
  const [recipient] = row.userId
    ? await tx.select({ displayName: users.displayName, phone: users.phone }).from(users).where(eq(users.id, row.userId))
    : [];
  const assignees = row.userId === null && row.kind === 'assignment' && row.incidentId ? await loadAssignees(tx, row.incidentId) : [];
  return { incident, assignment, recipient: recipient ?? null, assignees };
}

async function loadIncident(tx: DbOrTx, incidentId: string) {
  const [row] = await tx
    .select({ incident: incidents, planName: plans.name })
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .where(eq(incidents.id, incidentId));
  if (!row) return null;
  const { incident } = row;
  return {
    id: incident.id,
    incidentType: incident.incidentType,
    planName: row.planName,
    description: incident.description,
    isDrill: incident.isDrill,
    isActive: incident.status === 'active',
    liftedAt: incident.liftedAt,
    liftReason: incident.liftReason,
  };
}

async function loadAssignment(tx: DbOrTx, assignmentId: string) {
  const [row] = await tx
    .select({ assignment: assignments, person: users.displayName, phone: users.phone })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(eq(assignments.id, assignmentId));
  if (!row) return null;
  return {
    id: row.assignment.id,
    roleName: row.assignment.roleName,
    targetLabel: row.assignment.targetLabel,
    isOpen: row.assignment.closedAt === null,
    isAcknowledged: row.assignment.acknowledgedAt !== null,
    isStoodDown: row.assignment.status === 'stood_down',
    stoodDownReason: row.assignment.stoodDownReason,
    person: row.person,
    phone: row.phone,
  };
}

async function loadAssignees(tx: DbOrTx, incidentId: string) {
  return tx
    .select({ roleName: assignments.roleName, person: users.displayName, phone: users.phone })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .leftJoin(planRoles, eq(planRoles.id, assignments.planRoleId))
    .where(eq(assignments.incidentId, incidentId))
    .orderBy(asc(assignments.sentAt), asc(planRoles.position), asc(users.username));
}
