import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../kernel/auth/password';
import type { Db } from '../../db/index';
import { departments, enterprises, jurisdictions, planRoleMembers, planRoles, plans, users } from '../../db/schema';
import { DEMO_PASSWORD, DEPARTMENTS, ENTERPRISES, JURISDICTION, PLANS, SUPERVISORS, USERS } from './seed-data';
import { seedOneMaps } from './seed-one-map';
import { withTransaction } from '../../db/transaction';
import { seedMaterials } from './seed-materials';
import { seedReceptors } from './seed-receptors';
import { seedDrillHistory } from './seed-drill-history';

/** True when the database has no jurisdiction yet, i.e. nothing to protect from a seed. */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: jurisdictions.id }).from(jurisdictions).limit(1);
  return rows.length === 0;
}

/** Fills an empty database with the demo district. Returns the ids tests may need. */
// Every demo user shares the one demo password; hashing it once per process spares each seeding
// (every unit test seeds a fresh database) a deliberately slow bcrypt round.
let demoPasswordHash: Promise<string> | undefined;

export async function seedDemo(db: Db, options: { withOneMaps?: boolean; withHistory?: boolean } = {}) {
  const passwordHash = await (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));
  return withTransaction(db, async (tx) => {
    const jurisdictionId = randomUUID();
    await tx.insert(jurisdictions).values({ id: jurisdictionId, ...JURISDICTION });

    const departmentIds = new Map<string, string>();
    for (const department of DEPARTMENTS) {
      const id = randomUUID();
      departmentIds.set(department.code, id);
      await tx.insert(departments).values({ id, jurisdictionId, ...department });
    }

    const enterpriseIds = new Map<string, string>();
    for (const { key, ...enterprise } of ENTERPRISES) {
      const id = randomUUID();
      enterpriseIds.set(key, id);
      await tx.insert(enterprises).values({ id, jurisdictionId, ...enterprise });
    }

    const userIds = new Map<string, string>();
    const now = new Date();
    for (const user of USERS) {
      const id = randomUUID();
      userIds.set(user.username, id);
      await tx.insert(users).values({
        id,
        jurisdictionId,
        username: user.username,
        passwordHash,
        displayName: user.displayName,
        phone: user.phone,
        role: user.role,
        departmentId: user.department ? departmentIds.get(user.department)! : null,
        enterpriseId: user.enterprise ? enterpriseIds.get(user.enterprise)! : null,
        isOnDuty: user.isOnDuty ?? false,
        canSignOff: user.canSignOff ?? false,
        dutyChangedAt: user.role === 'field_staff' ? now : null,
      });
    }
    for (const [code, username] of Object.entries(SUPERVISORS)) {
      await tx
        .update(departments)
        .set({ supervisorId: userIds.get(username)! })
        .where(eq(departments.id, departmentIds.get(code)!));
    }

    const planIds = new Map<string, string>();
    const roleIds = new Map<string, string>();
    for (const plan of PLANS) {
      const planId = randomUUID();
      planIds.set(plan.incidentType, planId);
      await tx.insert(plans).values({
        id: planId,
        jurisdictionId,
        name: plan.name,
        incidentType: plan.incidentType,
        description: plan.description,
      });
      for (const [position, role] of plan.roles.entries()) {
        const roleId = randomUUID();
        roleIds.set(`${plan.incidentType}:${role.name}`, roleId);
        await tx.insert(planRoles).values({
          id: roleId,
          planId,
          departmentId: departmentIds.get(role.department)!,
          position,
          name: role.name,
          instructions: role.instructions,
          materials: role.materials.join('\n'),
          targetLabel: role.targetLabel,
          targetLat: role.target?.lat ?? null,
          targetLng: role.target?.lng ?? null,
          requiredCount: role.requiredCount,
          requiresPhoto: role.requiresPhoto ?? false,
        });
        for (const [priority, username] of role.members.entries()) {
          await tx.insert(planRoleMembers).values({ planRoleId: roleId, userId: userIds.get(username)!, priority });
        }
      }
    }
    if (options.withOneMaps ?? true) {
      const publishers = new Map<string, string | null>([
        ['wwtp', userIds.get('ent1')!],
        ['autoparts', userIds.get('ent2')!],
        ['reviewer', userIds.get('duty')!],
      ]);
      await seedOneMaps(tx, enterpriseIds, publishers);
    }
    const materials = await seedMaterials(tx, jurisdictionId, roleIds);
    await seedReceptors(tx, jurisdictionId, now);
    // Past drills and incidents (lifted), for the drill trend and the statistics; tests start without them.
    if (options.withHistory ?? true) {
      const dutyId = userIds.get('duty')!;
      await seedDrillHistory(tx, { jurisdictionId, planId: planIds.get('water_oil')!, dutyId, leaderId: userIds.get('leader') ?? dutyId });
    }
    return { jurisdictionId, departmentIds, enterpriseIds, userIds, planIds, materials };
  });
}
