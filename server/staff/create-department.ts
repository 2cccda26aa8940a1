import { randomUUID } from 'node:crypto';
import { departments } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { departmentFields } from '../contracts/admin';
import { conflict } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { isCodeTaken } from './find-department';
import { parseAdminInput } from '../kernel/parse-admin-input';

export async function createDepartment({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const data = parseAdminInput(departmentFields, input);
  return withTransaction(db, async (tx) => {
    if (await isCodeTaken(tx, actor.jurisdictionId, data.code)) throw conflict('codeTaken', { field: 'code' });
    const row = { id: randomUUID(), jurisdictionId: actor.jurisdictionId, ...data, createdAt: ctx.now() };
    await tx.insert(departments).values(row);
    await auditAdmin(tx, ctx, { action: 'department.created', entityType: 'department', entityId: row.id, data });
    return { id: row.id, code: row.code, name: row.name, nameEn: row.nameEn };
  });
}
