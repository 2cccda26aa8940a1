import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { assignments, incidents } from '../../db/schema';
import type { VerbContext } from '../context';
import { assignmentsSyncInput, type RoleCard } from '../contracts/dispatch';
import type { AssignmentsSyncReply, LiftedIncident, StoodDownCard } from '../contracts/events';
import { recordDelivered } from './delivery/record-delivered';
import { parseInput } from '../kernel/validation';
import { loadAssignmentViews, loadRoleCards } from './views';

/**
 * `assignments:sync`: the phone lists the cards it holds; the answer is every open card of the
 * caller it lacks, in full, and the current state of the held ones that are still open. Held ids
 * that are closed, unknown or someone else's are simply absent, so the phone drops them.
 * Holding a card that is still `sent` is proof it arrived: that is recorded as delivered.
 * Held cards of the caller's whose incident was lifted meanwhile are named by incident (`lifted`),
 * held cards whose incident has 情况通报 the phone has not confirmed come again in full (`revised`).
 * held cards stood down meanwhile (已撤回) by card, with the reason (`stoodDown`).
 */
export async function syncAssignments({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<AssignmentsSyncReply> {
  const { held } = parseInput(assignmentsSyncInput, input);
  const heldIds = new Set(held);
  const open = await loadRoleCards(ctx.db, { openForUserId: ctx.actor.id });
  const missing: RoleCard[] = open.filter((card) => !heldIds.has(card.assignmentId));
  const stillHeld = open.filter((card) => heldIds.has(card.assignmentId));

  for (const card of stillHeld) {
    if (card.status === 'sent') await recordDelivered(ctx, card.assignmentId, 'sync');
  }
  const views = stillHeld.length ? await loadAssignmentViews(ctx.db, { assignmentIds: stillHeld.map((card) => card.assignmentId) }) : [];
  const gone = held.filter((id) => !open.some((card) => card.assignmentId === id));
  const lagging = await laggingBehindUpdates(
    ctx,
    stillHeld.map((card) => card.assignmentId),
  );
  return {
    missing,
    held: views.filter((view) => view.closedAt === null),
    lifted: await liftedIncidentsOf(ctx, gone),
    revised: stillHeld.filter((card) => lagging.has(card.assignmentId)),
    stoodDown: await stoodDownCardsOf(ctx, gone),
  };
}

/** Of these open cards of the caller's, those whose phone has not confirmed the incident's latest 情况通报. */
async function laggingBehindUpdates(ctx: VerbContext, assignmentIds: string[]): Promise<Set<string>> {
  if (assignmentIds.length === 0) return new Set();
  const rows = await ctx.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(
      and(
        inArray(assignments.id, assignmentIds),
        eq(assignments.userId, ctx.actor.id),
        isNull(assignments.closedAt),
        lt(assignments.updatesSeenSeq, incidents.updateSeq),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** The lifted incidents of these assignments, only those of the caller's own cards. */
async function liftedIncidentsOf(ctx: VerbContext, assignmentIds: string[]): Promise<LiftedIncident[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ incidentId: assignments.incidentId, reason: incidents.liftReason })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(and(inArray(assignments.id, assignmentIds), eq(assignments.userId, ctx.actor.id), eq(incidents.status, 'lifted')));
  return rows;
}

/** The caller's own cards among these that were stood down (on a still-running incident). */
async function stoodDownCardsOf(ctx: VerbContext, assignmentIds: string[]): Promise<StoodDownCard[]> {
  if (assignmentIds.length === 0) return [];
  return ctx.db
    .select({ assignmentId: assignments.id, incidentId: assignments.incidentId, reason: assignments.stoodDownReason })
    .from(assignments)
    .where(and(inArray(assignments.id, assignmentIds), eq(assignments.userId, ctx.actor.id), eq(assignments.status, 'stood_down')));
}
