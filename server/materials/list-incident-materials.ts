import { and, eq } from 'drizzle-orm';
import { assignments, incidents } from '../../db/schema';
import { isCommand } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { z } from 'zod';
import { forbidden, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { loadMaterialShortfalls, loadReservations } from './read-materials';

const listInput = z.object({ incidentId: z.string().uuid() }).strict();

/**
 * An incident's reservations and material shortfalls: all of them for the board, only the own
 * role's for an assignee (the card: which depot to collect what from).
 */
export async function listIncidentMaterials({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  const { incidentId } = parseInput(listInput, input);
  const [incident] = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
  if (!incident) throw notFound('incidentNotFound');
  const reservations = await loadReservations(db, { incidentId });
  if (isCommand(actor)) return { reservations, shortfalls: await loadMaterialShortfalls(db, incidentId) };
  const cards = await db
    .select({ planRoleId: assignments.planRoleId })
    .from(assignments)
    .where(and(eq(assignments.incidentId, incidentId), eq(assignments.userId, actor.id)));
  if (cards.length === 0) throw forbidden();
  const roles = new Set(cards.map((card) => card.planRoleId));
  return { reservations: reservations.filter((row) => row.planRoleId && roles.has(row.planRoleId)), shortfalls: [] };
}
