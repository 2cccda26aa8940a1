import { eq } from 'drizzle-orm';
import { assignments, departments, planRoles, shortfalls, users } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { departmentRef } from '../contracts/admin';
import { conflict, notFound } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { findDepartment } from './find-department';
import { parseAdminInput } from '../kernel/parse-admin-input';

/** Deletes an unused department. Staff, plan roles or incident history pointing at it keep it alive. */
export async function deleteDepartment({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { departmentId } = parseAdminInput(departmentRef, input);
  await withTransaction(db, async (tx) => {
    const department = await findDepartment(tx, actor.jurisdictionId, departmentId);
    if (!department) throw notFound('departmentNotFound');
    const references = await Promise.all([
      tx.select({ id: users.id }).from(users).where(eq(users.departmentId, departmentId)).limit(1),
      tx.select({ id: planRoles.id }).from(planRoles).where(eq(planRoles.departmentId, departmentId)).limit(1),
      tx.select({ id: assignments.id }).from(assignments).where(eq(assignments.departmentId, departmentId)).limit(1),
      tx.select({ id: shortfalls.incidentId }).from(shortfalls).where(eq(shortfalls.departmentId, departmentId)).limit(1),
    ]);
    if (references.some((rows) => rows.length > 0)) throw conflict('departmentInUse');
    await tx.delete(departments).where(eq(departments.id, departmentId));
    await auditAdmin(tx, ctx, {
      action: 'department.deleted',
      entityType: 'department',
      entityId: departmentId,
      data: { code: department.code, name: department.name },
    });
  });
  return { id: departmentId };
}
