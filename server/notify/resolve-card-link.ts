import { and, desc, eq, gte } from 'drizzle-orm';
import { assignments, incidents } from '../../db/schema';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import { CARD_CODE_PATTERN, cardLinkCode } from './card-link';

// Links older than this are not resolved: an SMS from last month is not a way into today's cards.
const LINK_LIFETIME_MS = 30 * 24 * 3_600_000;
const MAX_CANDIDATES = 5_000;

/**
 * Where /f/<code> leads the signed-in caller: the assignee to their card on the phone, command
 * staff of the same jurisdiction to the incident board (the duty-officer reminder links there).
 * Anyone else, or an unknown code, gets not_found: the answer never says whose card it is.
 */
export async function resolveCardLink({ ctx, input }: { ctx: VerbContext; input: { code: string } }): Promise<{ location: string }> {
  const { actor, db } = ctx;
  if (!CARD_CODE_PATTERN.test(input.code)) throw notFound('cardLinkNotFound');
  const isCommand = actor.role === 'duty_officer' || actor.role === 'admin';
  if (actor.role !== 'field_staff' && !isCommand) throw notFound('cardLinkNotFound');

  const since = new Date(ctx.now().getTime() - LINK_LIFETIME_MS);
  const scope = isCommand ? eq(incidents.jurisdictionId, actor.jurisdictionId) : eq(assignments.userId, actor.id);
  const candidates = await db
    .select({ id: assignments.id, incidentId: assignments.incidentId })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(and(scope, eq(incidents.jurisdictionId, actor.jurisdictionId), gte(assignments.sentAt, since)))
    .orderBy(desc(assignments.sentAt))
    .limit(MAX_CANDIDATES);
  const match = candidates.find((candidate) => cardLinkCode(candidate.id) === input.code);
  if (!match) throw notFound('cardLinkNotFound');
  return { location: isCommand ? `/incidents/${match.incidentId}` : `/field?card=${match.id}` };
}
