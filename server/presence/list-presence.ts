import { and, asc, eq } from 'drizzle-orm';
import { departments, users } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { getPresence, type PresenceTracker } from './presence-tracker';
import type { PresenceView } from '../contracts/views';

/**
 * Who is reachable right now: every active field responder of the caller's jurisdiction with
 * whether a phone is connected. Duty officers and admins only; the socket keeps it live afterwards.
 */
export async function listPresence({
  ctx,
  tracker = getPresence(),
}: {
  ctx: VerbContext;
  tracker?: PresenceTracker;
}): Promise<PresenceView[]> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const rows = await db
    .select({ user: users, department: departments.name, supervisorId: departments.supervisorId })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.jurisdictionId, actor.jurisdictionId), eq(users.role, 'field_staff'), eq(users.isActive, true)))
    .orderBy(asc(users.username));
  return rows.map(({ user, department, supervisorId }) => {
    const state = tracker.state(user.id);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      departmentId: user.departmentId,
      department,
      isOnDuty: user.isOnDuty,
      isSupervisor: supervisorId === user.id,
      isOnline: state.isOnline,
      lastSeenAt: state.lastSeenAt?.toISOString() ?? null,
    };
  });
}
