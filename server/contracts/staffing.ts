// PURE: decides who fills which plan role. Shared by the trigger (server/dispatch/trigger-incident.ts) and the
// dashboard's preview of who a press would page (components/dispatch/role-reach.ts), so both say the same.

export type RoleToStaff = { id: string; departmentId: string; requiredCount: number; preferredUserIds: string[] };
/** `isReserved`: a department supervisor, kept free to coordinate: only a plan that names them uses them. */
export type OnDutyPerson = { id: string; departmentId: string; isReserved?: boolean };
export type Pick = { roleId: string; userId: string };
export type Gap = { roleId: string; required: number; assigned: number };

/**
 * Fills roles in plan order. Pre-assigned members who are on duty come first, in priority order;
 * remaining places go to other on-duty staff of the role's department (not its supervisor). Nobody gets two roles
 * in one incident, and a role that cannot be filled is reported as a gap, never silently dropped.
 */
export function staffRoles(roles: RoleToStaff[], onDuty: OnDutyPerson[]): { picks: Pick[]; gaps: Gap[] } {
  const departmentOf = new Map(onDuty.map((person) => [person.id, person.departmentId]));
  const taken = new Set<string>();
  const chosenByRole = new Map<string, string[]>(roles.map((role) => [role.id, []]));

  // Pass 1: pre-assigned members, so a volunteer pass can never take someone's own role from them.
  for (const role of roles) {
    const chosen = chosenByRole.get(role.id)!;
    for (const userId of role.preferredUserIds) {
      if (chosen.length >= role.requiredCount) break;
      if (departmentOf.get(userId) !== role.departmentId || taken.has(userId)) continue;
      chosen.push(userId);
      taken.add(userId);
    }
  }
  // Pass 2: remaining places go to any other on-duty person of the department, in roster order.
  for (const role of roles) {
    const chosen = chosenByRole.get(role.id)!;
    for (const person of onDuty) {
      if (chosen.length >= role.requiredCount) break;
      if (person.departmentId !== role.departmentId || taken.has(person.id) || person.isReserved) continue;
      chosen.push(person.id);
      taken.add(person.id);
    }
  }

  const picks = roles.flatMap((role) => chosenByRole.get(role.id)!.map((userId) => ({ roleId: role.id, userId })));
  const gaps = roles
    .map((role) => ({ roleId: role.id, required: role.requiredCount, assigned: chosenByRole.get(role.id)!.length }))
    .filter((gap) => gap.assigned < gap.required);
  return { picks, gaps };
}
