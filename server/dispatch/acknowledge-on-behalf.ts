import type { VerbContext } from '../context';
import { acknowledgeOnBehalfInput } from '../contracts/dispatch';
import { parseInput } from '../kernel/validation';
import { advanceAssignment } from './advance-assignment';

/**
 * 收到 on someone's behalf: a duty officer reached the assignee another way (by phone, SMS, in
 * person, by radio) and records it. It counts exactly as the app's 收到: escalation, re-pushes and
 * queued messages stop, the board counts it; the row and the timeline say who recorded it and how.
 * The time given is kept between the card's sending and now, as for a tap queued offline.
 */
export async function acknowledgeOnBehalf({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { assignmentId, reachedBy, reachedAt, note } = parseInput(acknowledgeOnBehalfInput, input);
  return advanceAssignment(ctx, assignmentId, 'acknowledged', { occurredAt: reachedAt, onBehalf: { reachedBy, note } });
}
