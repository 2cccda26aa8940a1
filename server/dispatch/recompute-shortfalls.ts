import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { assignments, planRoles, shortfalls } from '../../db/schema';

/**
 * After people are added to or stood down from a running incident: for each of these plan roles,
 * the open cards are counted again; a role now filled loses its shortfall row, one still (or again)
 * short has it written with the new count. Roles not of the plan (a free role) are ignored.
 */
export async function recomputeShortfalls(tx: DbOrTx, incident: { id: string; planId: string }, planRoleIds: string[]) {
  const ids = [...new Set(planRoleIds)];
  if (ids.length === 0) return;
  const roles = await tx
    .select()
    .from(planRoles)
    .where(and(eq(planRoles.planId, incident.planId), inArray(planRoles.id, ids)));
  for (const role of roles) {
    const [open] = await tx
      .select({ n: count() })
      .from(assignments)
      .where(and(eq(assignments.incidentId, incident.id), eq(assignments.planRoleId, role.id), isNull(assignments.closedAt)));
    const assigned = open?.n ?? 0;
    const where = and(eq(shortfalls.incidentId, incident.id), eq(shortfalls.planRoleId, role.id));
    const [existing] = await tx.select().from(shortfalls).where(where);
    // The number the trigger asked for stays the measure (the plan may have been edited since).
    if (assigned >= (existing?.required ?? role.requiredCount)) {
      if (existing) await tx.delete(shortfalls).where(where);
      continue;
    }
    if (existing) await tx.update(shortfalls).set({ assigned }).where(where);
    else
      await tx.insert(shortfalls).values({
        incidentId: incident.id,
        planRoleId: role.id,
        departmentId: role.departmentId,
        roleName: role.name,
        required: role.requiredCount,
        assigned,
      });
  }
}
