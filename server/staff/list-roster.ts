import { and, asc, eq } from 'drizzle-orm';
import { departments, users } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { RosterDepartment } from '../contracts/admin';

/** Per department, the active field staff and whether each is on duty (paged) right now. */
export async function listRoster({ ctx }: { ctx: VerbContext }): Promise<RosterDepartment[]> {
  const { actor, db } = ctx;
  requireRole(actor, 'admin', 'duty_officer');
  const [departmentRows, people] = await Promise.all([
    db
      .select()
      .from(departments)
      .where(eq(departments.jurisdictionId, actor.jurisdictionId))
      .orderBy(asc(departments.createdAt), asc(departments.code)),
    db
      .select()
      .from(users)
      .where(and(eq(users.jurisdictionId, actor.jurisdictionId), eq(users.role, 'field_staff'), eq(users.isActive, true)))
      .orderBy(asc(users.username)),
  ]);
  return departmentRows.map((department) => ({
    id: department.id,
    code: department.code,
    name: department.name,
    nameEn: department.nameEn,
    people: people
      .filter((person) => person.departmentId === department.id)
      .map((person) => ({
        id: person.id,
        username: person.username,
        displayName: person.displayName,
        phone: person.phone,
        isOnDuty: person.isOnDuty,
        dutyChangedAt: person.dutyChangedAt?.toISOString() ?? null,
      })),
  }));
}
