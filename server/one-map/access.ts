import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { assignments, enterprises, incidentEnterprises, type Enterprise } from '../../db/schema';
import { isCommand, type Actor } from '../kernel/auth/actor';
import { forbidden, notFound } from '../kernel/errors';

// Who may see or change an enterprise's one-map:
//   enterprise  — its own enterprise only (others look like they do not exist)
//   field staff — enterprises linked to incidents they hold an open assignment in (at the trigger
//                 or by a later 情况通报; an unlinked one is closed to them again)
//   command     — everything in their jurisdiction

async function loadEnterprise(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<Enterprise> {
  const [enterprise] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.jurisdictionId, actor.jurisdictionId)));
  if (!enterprise) throw notFound('enterpriseNotFound');
  return enterprise;
}

export async function hasActiveAssignmentAt(db: DbOrTx, userId: string, enterpriseId: string): Promise<boolean> {
  const rows = await db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(incidentEnterprises, eq(incidentEnterprises.incidentId, assignments.incidentId))
    .where(and(eq(assignments.userId, userId), isNull(assignments.closedAt), eq(incidentEnterprises.enterpriseId, enterpriseId)))
    .limit(1);
  return rows.length > 0;
}

export async function assertCanReadMap(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<Enterprise> {
  if (actor.role === 'enterprise') {
    if (actor.enterpriseId !== enterpriseId) throw notFound('enterpriseNotFound');
    return loadEnterprise(db, actor, enterpriseId);
  }
  const enterprise = await loadEnterprise(db, actor, enterpriseId);
  if (isCommand(actor)) return enterprise;
  if (actor.role === 'field_staff' && (await hasActiveAssignmentAt(db, actor.id, enterpriseId))) return enterprise;
  throw forbidden('mapNotInYourAssignments');
}

export async function assertCanEditMap(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<Enterprise> {
  if (actor.role !== 'enterprise') {
    // Command may read but not edit; say so plainly rather than pretending it does not exist.
    await loadEnterprise(db, actor, enterpriseId);
    throw forbidden('onlyEnterpriseEdits');
  }
  if (actor.enterpriseId !== enterpriseId) throw notFound('enterpriseNotFound');
  return loadEnterprise(db, actor, enterpriseId);
}

/** Field staff holding an open assignment in an incident linked to this enterprise. */
export async function listRespondersAt(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: assignments.userId })
    .from(assignments)
    .innerJoin(incidentEnterprises, eq(incidentEnterprises.incidentId, assignments.incidentId))
    .where(and(isNull(assignments.closedAt), eq(incidentEnterprises.enterpriseId, enterpriseId)));
  return rows.map((row) => row.userId);
}
