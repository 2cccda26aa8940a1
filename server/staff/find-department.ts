import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { departments, users } from '../../db/schema';

/** A department of the jurisdiction, or undefined: another jurisdiction's id is as good as missing. */
export async function findDepartment(db: DbOrTx, jurisdictionId: string, departmentId: string) {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.jurisdictionId, jurisdictionId)));
  return row;
}

export async function isCodeTaken(db: DbOrTx, jurisdictionId: string, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.jurisdictionId, jurisdictionId), eq(departments.code, code)));
  return row !== undefined && row.id !== exceptId;
}

/** An active field user of this department: the only people who can be its supervisor. */
export async function isDepartmentStaff(db: DbOrTx, jurisdictionId: string, departmentId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.jurisdictionId, jurisdictionId),
        eq(users.departmentId, departmentId),
        eq(users.role, 'field_staff'),
        eq(users.isActive, true),
      ),
    );
  return row !== undefined;
}
