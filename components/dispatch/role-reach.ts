import { staffRoles } from '@/server/contracts/staffing';
import type { PlanRoleView, PresenceView } from '@/server/contracts/views';
import type { PresenceState } from './use-presence';

export type Candidate = {
  person: PresenceView;
  state: PresenceState | undefined;
  isPreassigned: boolean;
  /** The press would page this person for this role. */
  isPaged: boolean;
  isOnline: boolean;
};
export type RoleReach = {
  role: PlanRoleView;
  /** Paged people first, then stand-ins not paged for any role: pre-assigned but off duty, other on-duty staff. */
  candidates: Candidate[];
  paged: number;
  /** Paged and with a phone online: reached the moment the button is pressed. */
  reachable: number;
  /** Not paged by this press, but on duty with a phone online. */
  standbyOnline: number;
};

/**
 * What a press would do right now, per role: who gets paged (the server's own staffing rule,
 * `staffRoles`, a pure function, run on the current roster) and which of them have a phone online.
 */
export function planReach(roles: PlanRoleView[], people: PresenceView[], stateOf: (userId: string) => PresenceState | undefined) {
  const onDuty = people.flatMap((person) =>
    person.isOnDuty && person.departmentId
      ? [{ id: person.userId, departmentId: person.departmentId, isReserved: person.isSupervisor }]
      : [],
  );
  const { picks } = staffRoles(
    roles.map((role) => ({
      id: role.id,
      departmentId: role.departmentId,
      requiredCount: role.requiredCount,
      preferredUserIds: role.memberIds,
    })),
    onDuty,
  );
  const byId = new Map(people.map((person) => [person.userId, person]));
  // Nobody gets two roles, so someone paged elsewhere is no stand-in here.
  const pagedAnywhere = new Set(picks.map((pick) => pick.userId));

  return roles.map((role): RoleReach => {
    const pagedIds = picks.filter((pick) => pick.roleId === role.id).map((pick) => pick.userId);
    const others = [
      ...role.memberIds,
      ...people
        // A supervisor is never anyone's stand-in (escalation pages them as supervisor, not as a backup).
        .filter(
          (person) =>
            person.departmentId === role.departmentId && person.isOnDuty && !person.isSupervisor && !role.memberIds.includes(person.userId),
        )
        .map((person) => person.userId),
    ].filter((id) => !pagedAnywhere.has(id));
    const candidates = [...pagedIds, ...others].flatMap((id) => {
      const person = byId.get(id);
      if (!person) return [];
      const state = stateOf(id);
      return [
        { person, state, isPreassigned: role.memberIds.includes(id), isPaged: pagedIds.includes(id), isOnline: state?.isOnline ?? false },
      ];
    });
    return {
      role,
      candidates,
      paged: pagedIds.length,
      reachable: candidates.filter((c) => c.isPaged && c.isOnline).length,
      standbyOnline: candidates.filter((c) => !c.isPaged && c.isOnline && c.person.isOnDuty).length,
    };
  });
}
