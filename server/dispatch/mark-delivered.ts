import { eq } from 'drizzle-orm';
import { assignments } from '../../db/schema';
import type { VerbContext } from '../context';
import { assignmentRef } from '../contracts/dispatch';
import { DomainError, forbidden, notFound } from '../errors';
import { parseInput } from '../validation';
import { advanceAssignment } from './advance-assignment';

/** The phone confirms a card reached it. Only the first report counts; later ones are no-ops. */
export async function markDelivered({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { assignmentId } = parseInput(assignmentRef, input);
  const [row] = await ctx.db.select().from(assignments).where(eq(assignments.id, assignmentId));
  if (!row) throw notFound('assignmentNotFound');
  if (row.userId !== ctx.actor.id) throw forbidden('notYourAssignment');
  if (row.status !== 'sent' || row.closedAt) return { status: row.status };
  try {
    const view = await advanceAssignment(ctx, assignmentId, 'delivered', ['sent']);
    return { status: view.status };
  } catch (error) {
    // A concurrent report (or an acknowledge) got there first: nothing left to record.
    if (error instanceof DomainError && error.code === 'conflict') return { status: row.status };
    throw error;
  }
}
