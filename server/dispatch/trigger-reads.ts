import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { preparedOn } from '../../db/prepared';
import { departments, enterprises, idempotencyKeys, planRoleMembers, planRoles, plans, users } from '../../db/schema';

// What 一键启动 reads inside its transaction before it writes, each statement prepared once per
// connection (db/prepared.ts): twenty officers pressing at once spent ≈ 20 % of a trigger building
// and compiling these (bench/trigger-api.ts, --cpu-prof).

const id = (name: string) => sql.placeholder(name);

function statements(db: DbOrTx) {
  return preparedOn(db, 'trigger-reads', (on) => ({
    idempotencyKey: on
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, id('userId')), eq(idempotencyKeys.key, id('key'))))
      .prepare(),
    activePlan: on
      .select()
      .from(plans)
      .where(and(eq(plans.id, id('planId')), eq(plans.jurisdictionId, id('jurisdictionId')), eq(plans.isActive, true)))
      .prepare(),
    enterprise: on
      .select({ id: enterprises.id, name: enterprises.name, address: enterprises.address })
      .from(enterprises)
      .where(and(eq(enterprises.id, id('enterpriseId')), eq(enterprises.jurisdictionId, id('jurisdictionId'))))
      .prepare(),
    roles: on
      .select()
      .from(planRoles)
      .where(eq(planRoles.planId, id('planId')))
      .orderBy(asc(planRoles.position))
      .prepare(),
    members: on
      .select({ planRoleId: planRoleMembers.planRoleId, userId: planRoleMembers.userId })
      .from(planRoleMembers)
      .innerJoin(planRoles, eq(planRoles.id, planRoleMembers.planRoleId))
      .where(eq(planRoles.planId, id('planId')))
      .orderBy(asc(planRoleMembers.priority))
      .prepare(),
    onDutyStaff: on
      .select({
        id: users.id,
        departmentId: users.departmentId,
        username: users.username,
        displayName: users.displayName,
        phone: users.phone,
      })
      .from(users)
      .where(
        and(
          eq(users.jurisdictionId, id('jurisdictionId')),
          eq(users.role, 'field_staff'),
          eq(users.isActive, true),
          eq(users.isOnDuty, true),
        ),
      )
      .orderBy(asc(users.username))
      .prepare(),
    departments: on
      .select({
        id: departments.id,
        code: departments.code,
        name: departments.name,
        nameEn: departments.nameEn,
        supervisorId: departments.supervisorId,
      })
      .from(departments)
      .where(eq(departments.jurisdictionId, id('jurisdictionId')))
      .prepare(),
  }));
}

export async function findIdempotencyKey(tx: DbOrTx, userId: string, key: string) {
  const [row] = await statements(tx).idempotencyKey.execute({ userId, key });
  return row;
}

export async function findActivePlan(tx: DbOrTx, planId: string, jurisdictionId: string) {
  const [row] = await statements(tx).activePlan.execute({ planId, jurisdictionId });
  return row;
}

export async function findEnterprise(tx: DbOrTx, enterpriseId: string, jurisdictionId: string) {
  const [row] = await statements(tx).enterprise.execute({ enterpriseId, jurisdictionId });
  return row ?? null;
}

/** The plan's roles in their order, and who is pre-assigned to each (by priority). */
export async function readPlanStaffing(tx: DbOrTx, planId: string) {
  const prepared = statements(tx);
  return { roles: await prepared.roles.execute({ planId }), members: await prepared.members.execute({ planId }) };
}

/** Who may be paged in the jurisdiction now, and its departments (with their supervisors). */
export async function readOnDuty(tx: DbOrTx, jurisdictionId: string) {
  const prepared = statements(tx);
  return {
    people: await prepared.onDutyStaff.execute({ jurisdictionId }),
    departments: await prepared.departments.execute({ jurisdictionId }),
  };
}
