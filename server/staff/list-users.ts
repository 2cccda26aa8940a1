import { asc, eq } from 'drizzle-orm';
import { departments, enterprises, users } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { UserDirectory } from '../contracts/admin';
import { toUserView } from './to-user-view';

/** Every account of the jurisdiction, with the departments and enterprises a user can be linked to. */
export async function listUsers({ ctx }: { ctx: VerbContext }): Promise<UserDirectory> {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const jurisdictionId = actor.jurisdictionId;
  const [userRows, departmentRows, enterpriseRows] = await Promise.all([
    db.select().from(users).where(eq(users.jurisdictionId, jurisdictionId)).orderBy(asc(users.role), asc(users.username)),
    db
      .select({ id: departments.id, code: departments.code, name: departments.name, nameEn: departments.nameEn })
      .from(departments)
      .where(eq(departments.jurisdictionId, jurisdictionId))
      .orderBy(asc(departments.createdAt), asc(departments.code)),
    db
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.jurisdictionId, jurisdictionId))
      .orderBy(asc(enterprises.name)),
  ]);
  return { users: userRows.map(toUserView), departments: departmentRows, enterprises: enterpriseRows };
}
