import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { hashPassword } from '../kernel/auth/password';
import type { VerbContext } from '../context';
import { canHoldSignOff, createUserInput } from '../contracts/admin';
import { conflict } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { parseAdminInput } from '../kernel/parse-admin-input';
import { toUserView } from './to-user-view';
import { resolveUserLinks } from './user-links';

export async function createUser({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { password, ...data } = parseAdminInput(createUserInput, input);
  // Hashing is slow on purpose; do it before taking the write lock.
  const passwordHash = await hashPassword(password);
  return withTransaction(db, async (tx) => {
    // Usernames are unique across jurisdictions: sign-in asks for nothing else.
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
    if (taken) throw conflict('usernameTaken', { field: 'username' });
    const links = await resolveUserLinks(tx, actor.jurisdictionId, data);
    const now = ctx.now();
    const [created] = await tx
      .insert(users)
      .values({
        id: randomUUID(),
        jurisdictionId: actor.jurisdictionId,
        username: data.username,
        passwordHash,
        displayName: data.displayName,
        phone: data.phone,
        ...links,
        isActive: true,
        isOnDuty: false,
        canSignOff: canHoldSignOff(links.role) && data.canSignOff === true,
        dutyChangedAt: links.role === 'field_staff' ? now : null,
        createdAt: now,
      })
      .returning();
    const view = toUserView(created!);
    await auditAdmin(tx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: view.id,
      data: {
        username: view.username,
        role: view.role,
        departmentId: view.departmentId,
        enterpriseId: view.enterpriseId,
        canSignOff: view.canSignOff,
      },
    });
    return view;
  });
}
