import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { departments } from '../../db/schema';

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
