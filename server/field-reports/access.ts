import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { assignments, incidents } from '../../db/schema';
import { isCommand, type Actor } from '../kernel/auth/actor';
import { forbidden, notFound } from '../kernel/errors';

/**
 * Who may see an incident's field reports and photos: the command roles (duty officer, admin) of
 * its jurisdiction, and the people holding a card on it. Another jurisdiction's incident does not
 * exist for the asker (404); enterprises and unassigned field staff are refused (403).
 */
export async function assertCanReadFieldReports(db: DbOrTx, actor: Actor, incidentId: string): Promise<void> {
  const [incident] = await db.select({ jurisdictionId: incidents.jurisdictionId }).from(incidents).where(eq(incidents.id, incidentId));
  if (!incident || incident.jurisdictionId !== actor.jurisdictionId) throw notFound('incidentNotFound');
  if (isCommand(actor)) return;
  if (actor.role !== 'field_staff') throw forbidden();
  const [card] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.incidentId, incidentId), eq(assignments.userId, actor.id)));
  if (!card) throw forbidden('notAssignedToIncident');
}
