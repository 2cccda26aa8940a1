import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { assignments } from '../../db/schema';
import type { VerbContext } from '../context';
import type { FieldReportView } from '../contracts/field-reports';
import { parseInput } from '../kernel/validation';
import { assertCanReadFieldReports } from './access';
import { hasSentPhoto, roleRequiresPhoto } from './photo-requirement';
import { loadFieldReports } from './views';

const input = z.object({ incidentId: z.string().uuid() });

/**
 * An incident's field reports, oldest first: for the board (command) and the incident's assignees.
 * To an assignee it also says whether their role still waits for a photo before 完成 (`photoRequired`:
 * true = required and none sent yet, false = not required or already sent; null for command).
 */
export async function listFieldReports({
  ctx,
  input: raw,
}: {
  ctx: VerbContext;
  input: unknown;
}): Promise<{ reports: FieldReportView[]; photoRequired: boolean | null }> {
  const { incidentId } = parseInput(input, raw);
  await assertCanReadFieldReports(ctx.db, ctx.actor, incidentId);
  const reports = await loadFieldReports(ctx.db, incidentId);
  const [card] =
    ctx.actor.role === 'field_staff'
      ? await ctx.db
          .select({ id: assignments.id, planRoleId: assignments.planRoleId })
          .from(assignments)
          .where(and(eq(assignments.incidentId, incidentId), eq(assignments.userId, ctx.actor.id)))
      : [];
  const photoRequired = card ? (await roleRequiresPhoto(ctx.db, card.planRoleId)) && !(await hasSentPhoto(ctx.db, card.id)) : null;
  return { reports, photoRequired };
}
