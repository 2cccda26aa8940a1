import { and, eq, inArray } from 'drizzle-orm';
import { planRoleMembers, planRoles, sessions, users, type User } from '../../db/schema';
import type { DbOrTx } from '../../db';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { hashPassword } from '../kernel/auth/password';
import type { VerbContext } from '../context';
import { canHoldSignOff, updateUserInput } from '../contracts/admin';
import { DomainError, notFound } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { parseAdminInput } from '../kernel/parse-admin-input';
import { toUserView } from './to-user-view';
import { resolveUserLinks } from './user-links';

const TRACKED = ['displayName', 'phone', 'role', 'departmentId', 'enterpriseId', 'isActive', 'isOnDuty', 'canSignOff'] as const;

/** Plan pre-assignments that no longer fit the person: another department, or no longer field staff. */
async function dropStaleMemberships(tx: DbOrTx, user: Pick<User, 'id' | 'role' | 'departmentId'>) {
  const memberships = await tx
    .select({ planRoleId: planRoleMembers.planRoleId, departmentId: planRoles.departmentId })
    .from(planRoleMembers)
    .innerJoin(planRoles, eq(planRoles.id, planRoleMembers.planRoleId))
    .where(eq(planRoleMembers.userId, user.id));
  const stale = memberships.filter((row) => user.role !== 'field_staff' || row.departmentId !== user.departmentId);
  if (stale.length === 0) return 0;
  await tx.delete(planRoleMembers).where(
    and(
      eq(planRoleMembers.userId, user.id),
      inArray(
        planRoleMembers.planRoleId,
        stale.map((row) => row.planRoleId),
      ),
    ),
  );
  return stale.length;
}

/** Edits an account. Accounts are deactivated, never deleted, so their history keeps a name. */
export async function updateUser({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { userId, password, isActive, ...data } = parseAdminInput(updateUserInput, input);
  if (userId === actor.id && (!isActive || data.role !== 'admin')) {
    throw new DomainError('forbidden', 'cannotDisableSelf', { field: isActive ? 'role' : 'isActive' });
  }
  const passwordHash = password ? await hashPassword(password) : null;

  return withTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.jurisdictionId, actor.jurisdictionId)));
    if (!before) throw notFound('userNotFound');
    const links = await resolveUserLinks(tx, actor.jurisdictionId, data);
    const canBeOnDuty = isActive && links.role === 'field_staff';
    const isOnDuty = canBeOnDuty && before.isOnDuty;
    const now = ctx.now();
    const [after] = await tx
      .update(users)
      .set({
        displayName: data.displayName,
        phone: data.phone,
        ...links,
        isActive,
        isOnDuty,
        canSignOff: canHoldSignOff(links.role) && (data.canSignOff ?? before.canSignOff),
        ...(isOnDuty !== before.isOnDuty ? { dutyChangedAt: now } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where(eq(users.id, userId))
      .returning();
    const membershipsRemoved = await dropStaleMemberships(tx, after!);
    // A disabled account, or one whose password was reset by someone else, is signed out everywhere.
    const isSignedOut = (before.isActive && !isActive) || (passwordHash !== null && userId !== actor.id);
    const ended = isSignedOut ? await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }) : [];
    const changed = TRACKED.filter((key) => before[key] !== after![key]);
    await auditAdmin(tx, ctx, {
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      data: {
        username: before.username,
        changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after![key]])),
        passwordReset: passwordHash !== null,
        sessionsEnded: ended.length,
        membershipsRemoved,
      },
    });
    return toUserView(after!);
  });
}
