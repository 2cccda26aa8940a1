import { eq } from 'drizzle-orm';
import { assignments } from '../../db/schema';
import type { VerbContext } from '../context';
import { assignmentRef } from '../contracts/dispatch';
import { recordDelivered } from './delivery/record-delivered';
import { forbidden, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';

/**
 * The phone reports that a card reached it (e.g. one it received in a sync reply). Recorded by
 * the same code as a push receipt; only the first report counts, later ones are no-ops.
 */
export async function markDelivered({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { assignmentId } = parseInput(assignmentRef, input);
  const [row] = await ctx.db
    .select({ userId: assignments.userId, status: assignments.status })
    .from(assignments)
    .where(eq(assignments.id, assignmentId));
  if (!row) throw notFound('assignmentNotFound');
  if (row.userId !== ctx.actor.id) throw forbidden('notYourAssignment');
  const outcome = await recordDelivered(ctx, assignmentId, 'report');
  return { status: outcome?.status ?? row.status };
}
