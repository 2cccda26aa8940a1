import type { assignments, incidents } from '../../db/schema';
import type { AssignmentView, IncidentSummary, LinkedEnterprise, RoleCard, ShortfallView } from '../contracts/dispatch';
import { compareBoardOrder, toAssignmentView, toRoleCard, toSummary } from './views';

type Person = { id: string; username: string; displayName: string; phone: string };
type Department = { id: string; code: string; name: string; nameEn: string };

export type TriggerAnswer = {
  incident: IncidentSummary;
  /** In the board's order, as `loadAssignmentViews` would read them. */
  assignments: AssignmentView[];
  /** One per assignment, in the order the roles were staffed: what is pushed to the phones. */
  cards: RoleCard[];
  shortfalls: ShortfallView[];
};

/**
 * The trigger's answer (summary, board rows, role cards) from the rows the trigger has just written
 * and the people and departments it read to staff them, through the same mappers as the read
 * models in views.ts, so both give the same result (tests/unit/trigger-incident.test.ts checks).
 */
export function buildTriggerAnswer(written: {
  incident: typeof incidents.$inferSelect;
  planName: string;
  enterprise: LinkedEnterprise | null;
  createdBy: string;
  assignments: (typeof assignments.$inferSelect)[];
  people: Map<string, Person>;
  departments: Map<string, Department>;
  shortfalls: ShortfallView[];
}): TriggerAnswer {
  const { incident, planName, enterprise, people, departments } = written;
  // A new incident's only link is the enterprise it was reported with; it has no 情况通报 yet.
  const linked = enterprise ? [{ id: enterprise.id, name: enterprise.name, address: enterprise.address }] : [];
  const cards: RoleCard[] = [];
  const board: { departmentCode: string; view: AssignmentView }[] = [];
  for (const assignment of written.assignments) {
    const person = people.get(assignment.userId)!;
    const department = departments.get(assignment.departmentId)!;
    cards.push(toRoleCard({ assignment, incident, planName, department, enterprises: linked, updates: [] }));
    board.push({
      departmentCode: department.code,
      view: toAssignmentView({
        assignment,
        userName: person.displayName,
        username: person.username,
        phone: person.phone,
        departmentName: department.name,
      }),
    });
  }
  board.sort(compareBoardOrder);
  const total = written.assignments.length;
  return {
    incident: toSummary({ incident, planName, enterprises: linked, createdBy: written.createdBy }, { total, acknowledged: 0 }),
    assignments: board.map((row) => row.view),
    cards,
    shortfalls: written.shortfalls,
  };
}
