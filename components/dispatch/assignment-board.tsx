'use client';

import { useTranslations } from 'next-intl';
import type { AssignmentView } from '@/server/contracts/dispatch';
import type { EscalationState } from '@/server/contracts/escalation';
import { AssignmentRow } from './assignment-row';
import { DeliverySummary } from './delivery-summary';
import type { Presence } from './use-presence';
import styles from './board.module.css';

type Props = {
  assignments: AssignmentView[];
  incidentCreatedAt: string;
  clockNow: number | null;
  isLifted: boolean;
  presence: Presence;
  /** Escalation per assignment, and backup card id → the card it stands in for. */
  escalation: { states: Map<string, EscalationState>; backupFor: Map<string, string> };
};

type Group = { departmentId: string; department: string; members: AssignmentView[] };

function groupByDepartment(assignments: AssignmentView[]): Group[] {
  const groups = new Map<string, Group>();
  for (const assignment of assignments) {
    const group = groups.get(assignment.departmentId) ?? {
      departmentId: assignment.departmentId,
      department: assignment.department,
      members: [],
    };
    group.members.push(assignment);
    groups.set(assignment.departmentId, group);
  }
  return [...groups.values()];
}

/** Everyone paged, by department; whoever has not acknowledged stands out in red. */
export function AssignmentBoard({ assignments, incidentCreatedAt, clockNow, isLifted, presence, escalation }: Props) {
  const t = useTranslations('board');
  const td = useTranslations('delivery');
  const groups = groupByDepartment(assignments);
  const nameOf = (assignmentId: string | null | undefined) =>
    assignmentId ? assignments.find((a) => a.id === assignmentId)?.userName : undefined;

  return (
    <section className={styles.people} aria-labelledby="people-title">
      <div className={styles.peopleHeader}>
        <h2 id="people-title" className={styles.sectionTitle}>
          {t('people.title', { count: assignments.length })}
        </h2>
        <DeliverySummary assignments={assignments} presence={presence} isLifted={isLifted} clockNow={clockNow} />
      </div>
      {groups.length === 0 && <p className={styles.muted}>{t('people.empty')}</p>}
      {groups.map((group) => {
        const acknowledged = group.members.filter((member) => member.acknowledgedAt !== null).length;
        return (
          <div key={group.departmentId} className={styles.group}>
            <h3 className={styles.groupTitle}>
              {group.department}
              <span className={acknowledged < group.members.length ? styles.factDanger : styles.factOk}>
                {t('people.groupCount', { acknowledged, total: group.members.length })}
              </span>
            </h3>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('people.person')}</th>
                  <th scope="col">{t('people.role')}</th>
                  <th scope="col">{t('people.phone')}</th>
                  <th scope="col">{t('people.status')}</th>
                  <th scope="col">{td('state.column')}</th>
                  <th scope="col">{t('people.sinceTrigger')}</th>
                  <th scope="col">{t('people.times')}</th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((assignment) => (
                  <AssignmentRow
                    key={assignment.id}
                    assignment={assignment}
                    incidentCreatedAt={incidentCreatedAt}
                    clockNow={clockNow}
                    isLifted={isLifted}
                    presence={presence}
                    escalation={{
                      state: escalation.states.get(assignment.id),
                      backupName: nameOf(escalation.states.get(assignment.id)?.backupAssignmentId),
                      backupForName: nameOf(escalation.backupFor.get(assignment.id)),
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
