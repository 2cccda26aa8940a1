import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { departments, planRoles, users } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { DepartmentView } from '../contracts/admin';

/**
 * The caller's departments, with how many people and plan roles use each (a used one cannot be deleted),
 * the supervisor and who could be chosen as one.
 */
export async function listDepartments({ ctx }: { ctx: VerbContext }): Promise<DepartmentView[]> {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const rows = await db
    .select()
    .from(departments)
    .where(eq(departments.jurisdictionId, actor.jurisdictionId))
    .orderBy(asc(departments.createdAt), asc(departments.code));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const userCounts = await db
    .select({ departmentId: users.departmentId, total: count() })
    .from(users)
    .where(inArray(users.departmentId, ids))
    .groupBy(users.departmentId);
  const roleCounts = await db
    .select({ departmentId: planRoles.departmentId, total: count() })
    .from(planRoles)
    .where(inArray(planRoles.departmentId, ids))
    .groupBy(planRoles.departmentId);
  const staff = await db
    .select({ id: users.id, name: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(and(inArray(users.departmentId, ids), eq(users.role, 'field_staff'), eq(users.isActive, true)))
    .orderBy(asc(users.username));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    userCount: userCounts.find((entry) => entry.departmentId === row.id)?.total ?? 0,
    roleCount: roleCounts.find((entry) => entry.departmentId === row.id)?.total ?? 0,
    supervisorId: row.supervisorId,
    staff: staff.filter((person) => person.departmentId === row.id).map(({ id, name }) => ({ id, name })),
  }));
}
