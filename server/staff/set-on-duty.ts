import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { setOnDutyInput, type RosterPerson } from '../contracts/admin';
import { invalid, notFound } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { parseAdminInput } from '../kernel/parse-admin-input';

/**
 * Puts a field user on or off duty. The caller sends the state they want, not "toggle", so two
 * officers pressing at once agree; asking for the current state changes and records nothing.
 */
export async function setOnDuty({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<RosterPerson & { isChanged: boolean }> {
  const { actor, db } = ctx;
  requireRole(actor, 'admin', 'duty_officer');
  const { userId, isOnDuty } = parseAdminInput(setOnDutyInput, input);
  return withTransaction(db, async (tx) => {
    const [person] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.jurisdictionId, actor.jurisdictionId)));
    if (!person) throw notFound('userNotFound');
    if (person.role !== 'field_staff' || !person.isActive) throw invalid('notOnRoster', { field: 'userId' });
    const view = { id: person.id, username: person.username, displayName: person.displayName, phone: person.phone };
    if (person.isOnDuty === isOnDuty) {
      return { ...view, isOnDuty, dutyChangedAt: person.dutyChangedAt?.toISOString() ?? null, isChanged: false };
    }
    const now = ctx.now();
    await tx
      .update(users)
      .set({ isOnDuty, dutyChangedAt: now })
      .where(and(eq(users.id, userId), eq(users.isOnDuty, !isOnDuty)));
    await auditAdmin(tx, ctx, {
      action: 'roster.changed',
      entityType: 'user',
      entityId: userId,
      data: { username: person.username, departmentId: person.departmentId, isOnDuty },
    });
    return { ...view, isOnDuty, dutyChangedAt: now.toISOString(), isChanged: true };
  });
}
