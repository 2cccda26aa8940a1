import { eq } from 'drizzle-orm';
import { departments } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { updateDepartmentInput } from '../contracts/admin';
import { conflict, invalid, notFound } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { findDepartment, isCodeTaken, isDepartmentStaff } from './find-department';
import { parseAdminInput } from '../kernel/parse-admin-input';

export async function updateDepartment({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { departmentId, ...data } = parseAdminInput(updateDepartmentInput, input);
  return withTransaction(db, async (tx) => {
    const before = await findDepartment(tx, actor.jurisdictionId, departmentId);
    if (!before) throw notFound('departmentNotFound');
    if (await isCodeTaken(tx, actor.jurisdictionId, data.code, departmentId)) throw conflict('codeTaken', { field: 'code' });
    if (data.supervisorId && !(await isDepartmentStaff(tx, actor.jurisdictionId, departmentId, data.supervisorId))) {
      throw invalid('supervisorNotInDepartment', { field: 'supervisorId' });
    }
    const supervisorId = data.supervisorId === undefined ? before.supervisorId : data.supervisorId;
    const after = { ...data, supervisorId };
    await tx.update(departments).set(after).where(eq(departments.id, departmentId));
    await auditAdmin(tx, ctx, {
      action: 'department.updated',
      entityType: 'department',
      entityId: departmentId,
      data: {
        before: { code: before.code, name: before.name, nameEn: before.nameEn, supervisorId: before.supervisorId },
        after,
      },
    });
    return { id: departmentId, ...after };
  });
}
