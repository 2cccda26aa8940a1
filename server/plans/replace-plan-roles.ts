import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db';
import { departments, planRoleMembers, planRoles, users } from '../../db/schema';
import type { planRoleInput } from '../contracts/admin';
import { DomainError, invalid } from '../kernel/errors';

type RoleInput = z.output<typeof planRoleInput>;

/**
 * Replaces a plan's whole role list, in order, with its pre-assigned people (priority = list order).
 * Call inside the caller's transaction. Roles that keep their id keep it, so past shortfalls and
 * assignments still name a role that exists.
 */
export async function replacePlanRoles(tx: DbOrTx, jurisdictionId: string, planId: string, roles: RoleInput[]) {
  const departmentIds = [...new Set(roles.map((role) => role.departmentId))];
  const known = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.jurisdictionId, jurisdictionId), inArray(departments.id, departmentIds)));
  const knownIds = new Set(known.map((row) => row.id));
  const memberIds = [...new Set(roles.flatMap((role) => role.memberIds))];
  const staff = memberIds.length
    ? await tx
        .select({ id: users.id, departmentId: users.departmentId })
        .from(users)
        .where(
          and(
            eq(users.jurisdictionId, jurisdictionId),
            eq(users.role, 'field_staff'),
            eq(users.isActive, true),
            inArray(users.id, memberIds),
          ),
        )
    : [];
  const departmentOf = new Map(staff.map((person) => [person.id, person.departmentId]));

  for (const [index, role] of roles.entries()) {
    if (!knownIds.has(role.departmentId)) {
      throw new DomainError('not_found', 'departmentNotFound', { field: `roles.${index}.departmentId` });
    }
    if (role.memberIds.some((userId) => departmentOf.get(userId) !== role.departmentId)) {
      throw invalid('memberNotInDepartment', { field: `roles.${index}.memberIds` });
    }
  }

  const previous = await tx.select({ id: planRoles.id }).from(planRoles).where(eq(planRoles.planId, planId));
  const reusable = new Set(previous.map((row) => row.id));
  await tx.delete(planRoles).where(eq(planRoles.planId, planId));

  for (const [position, role] of roles.entries()) {
    const roleId = role.id && reusable.delete(role.id) ? role.id : randomUUID();
    await tx.insert(planRoles).values({
      id: roleId,
      planId,
      departmentId: role.departmentId,
      position,
      name: role.name,
      instructions: role.instructions,
      materials: role.materials.join('\n'),
      targetLabel: role.targetLabel,
      targetLat: role.targetLat,
      targetLng: role.targetLng,
      requiredCount: role.requiredCount,
      ackTimeoutSeconds: role.ackTimeoutSeconds,
      escalationSteps: role.escalationSteps,
      requiresPhoto: role.requiresPhoto,
    });
    if (role.memberIds.length > 0) {
      await tx.insert(planRoleMembers).values(role.memberIds.map((userId, priority) => ({ planRoleId: roleId, userId, priority })));
    }
  }
  return { roleCount: roles.length, removedRoles: reusable.size };
}
