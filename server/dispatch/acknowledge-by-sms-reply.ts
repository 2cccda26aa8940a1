import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { assignments, incidents, users } from '../../db/schema';
import { createContext, type ServerDeps } from '../context';
import { smsInboundInput, type SmsInboundResult } from '../contracts/sms-inbound';
import { toActor } from '../kernel/auth/actor';
import { DomainError } from '../kernel/errors';
import { log } from '../kernel/log/logger';
import { parseInput } from '../kernel/validation';
import { advanceAssignment } from './advance-assignment';
import { pickRepliedCard } from './sms-reply-card';

/** The last 11 digits of a mainland number, whatever the operator put in front (+86, 86, 0086). */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length > 11 ? digits.slice(-11) : digits;
}

/**
 * An SMS reply from an assignee's number counts as their 收到, like one recorded by the duty officer
 * (acknowledged_via = 'sms'): escalation, re-pushes and queued messages stop, the board is told.
 * The card is the one the reply's code names, or the sender's only open card (sms-reply-card.ts).
 * A number that matches nobody, or a reply that names no open card, is logged and ignored; the
 * gateway gets a 200 either way, so it does not retry.
 */
export async function acknowledgeBySmsReply({ deps, input }: { deps: ServerDeps; input: unknown }): Promise<SmsInboundResult> {
  const { from, text, id } = parseInput(smsInboundInput, input);
  const phone = normalizePhone(from);
  const candidates =
    phone.length >= 5
      ? (await deps.db.select().from(users).where(eq(users.isActive, true))).filter((user) => normalizePhone(user.phone) === phone)
      : [];
  if (candidates.length === 0) {
    log().warn({ smsId: id }, 'sms inbound: unknown number, ignored');
    return { outcome: 'ignored', reason: 'unknown_number' };
  }
  const openCards = await deps.db
    .select({ id: assignments.id, assignment: assignments })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(
      and(
        inArray(
          assignments.userId,
          candidates.map((user) => user.id),
        ),
        inArray(assignments.status, ['sent', 'delivered']),
        isNull(assignments.closedAt),
        eq(incidents.status, 'active'),
      ),
    )
    .orderBy(asc(assignments.sentAt));
  const pick = pickRepliedCard(openCards, text);
  if (!pick.card) {
    log().info({ smsId: id, reason: pick.reason, openCards: openCards.length }, 'sms inbound: the reply names no open card, ignored');
    return { outcome: 'ignored', reason: pick.reason };
  }
  const open = pick.card;
  const user = candidates.find((candidate) => candidate.id === open.assignment.userId)!;
  try {
    await advanceAssignment(createContext(toActor(user), deps), open.assignment.id, 'acknowledged', { repliedBy: 'sms' });
  } catch (error) {
    // Acknowledged or closed meanwhile (a tap, the officer, a lift): the reply has nothing left to do.
    if (error instanceof DomainError && error.code === 'conflict') return { outcome: 'ignored', reason: 'no_open_card' };
    throw error;
  }
  return { outcome: 'acknowledged', assignmentId: open.assignment.id };
}
