// PURE: who covers a role nobody acknowledged. Kept apart from the database so the rule is easy to test.

export type BackupCandidate = { id: string; departmentId: string | null; isActive: boolean; isOnDuty: boolean };

export type BackupQuery = {
  departmentId: string;
  /** The role's pre-assigned people, in priority order. */
  preferredUserIds: string[];
  /** Field staff of the jurisdiction, in roster order. */
  staff: BackupCandidate[];
  /** Everyone already on this incident, including the person who did not answer. */
  onIncident: Set<string>;
  /** Department supervisors: escalation reaches them in their own step, not as a backup. */
  supervisorIds: Set<string>;
};

/**
 * The next person pre-assigned to the same role who is on duty, active, of the same department
 * and not already on this incident; failing that, any other such person of the department except
 * its supervisor. Off-duty people are never chosen: the roster decides who may be paged.
 */
export function pickBackup(query: BackupQuery): string | null {
  const byId = new Map(query.staff.map((person) => [person.id, person]));
  const isAvailable = (person: BackupCandidate | undefined): person is BackupCandidate =>
    person !== undefined &&
    person.isActive &&
    person.isOnDuty &&
    person.departmentId === query.departmentId &&
    !query.onIncident.has(person.id);

  for (const userId of query.preferredUserIds) {
    if (isAvailable(byId.get(userId))) return userId;
  }
  const fallback = query.staff.find((person) => isAvailable(person) && !query.supervisorIds.has(person.id));
  return fallback?.id ?? null;
}
