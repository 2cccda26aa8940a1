import { and, eq, isNull, lt } from 'drizzle-orm';
import { assignments, incidents } from '../../db/schema';
import type { VerbContext } from '../context';
import { updatesReceivedInput } from '../contracts/dispatch';
import { forbidden, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';

/**
 * `incident:updates-received`: the phone holds every 情况通报 of this incident up to `seq`. Raises
 * the caller's own open card's mark (never lowers it; a repeat changes nothing) and, once it has
 * caught up, stops the redelivery. A receipt, not a person's act: no audit row, like a card's.
 */
export async function recordUpdatesReceived({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<{ seq: number }> {
  const { incidentId, seq } = parseInput(updatesReceivedInput, input);
  const [incident] = await ctx.db
    .select({ updateSeq: incidents.updateSeq })
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, ctx.actor.jurisdictionId)));
  if (!incident) throw notFound('incidentNotFound');
  const [card] = await ctx.db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.incidentId, incidentId), eq(assignments.userId, ctx.actor.id), isNull(assignments.closedAt)));
  // Only a phone holding an open card of the incident has anything to confirm.
  if (!card) throw forbidden('notYourAssignment');
  if (seq > incident.updateSeq) throw invalid('unknownUpdate', { field: 'seq' });
  const isCaughtUp = seq >= incident.updateSeq;
  await ctx.db
    .update(assignments)
    .set({ updatesSeenSeq: seq, ...(isCaughtUp ? { nextUpdatePushAt: null } : {}) })
    .where(
      and(
        eq(assignments.incidentId, incidentId),
        eq(assignments.userId, ctx.actor.id),
        isNull(assignments.closedAt),
        lt(assignments.updatesSeenSeq, seq),
      ),
    );
  return { seq };
}
