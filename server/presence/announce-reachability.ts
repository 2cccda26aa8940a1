import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { users } from '../../db/schema';
import type { PresencePush } from '../push/emitter';
import { presenceChangedMessage } from '../push/messages';
import type { PresenceTracker } from './presence-tracker';

/**
 * Tells the boards that these people became reachable or unreachable without a connection of
 * theirs coming or going (their node went silent or came back, server/presence/cluster-presence.ts).
 * Only field staff appear on the board's presence list.
 */
export async function announceReachability(
  { db, tracker, push }: { db: Db; tracker: PresenceTracker; push: PresencePush },
  userIds: string[],
  isOnline: boolean,
): Promise<void> {
  const people = await db
    .select({ id: users.id, jurisdictionId: users.jurisdictionId })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.role, 'field_staff')));
  for (const person of people) {
    push.presenceChanged(
      person.jurisdictionId,
      presenceChangedMessage({ userId: person.id, isOnline, lastSeenAt: tracker.state(person.id).lastSeenAt?.toISOString() ?? null }),
    );
  }
}
