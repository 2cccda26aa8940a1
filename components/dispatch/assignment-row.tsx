'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { ASSIGNMENT_STATUSES, STATUS_PHASE, STATUS_TIMESTAMP, type StatusPhase } from '@/server/contracts/assignment-lifecycle';
import type { AssignmentView } from '@/server/contracts/dispatch';
import { DeliveryState, deliveryPhase } from './delivery-state';
import { EscalationLevel } from './escalation-level';
import { formatClock, millisBetween } from './format-clock';
import { PresenceDot } from './presence-dot';
import { RecordReached } from './record-reached';
import { StandDown } from './stand-down';
import type { Presence } from './use-presence';
import styles from './board.module.css';

type Props = {
  assignment: AssignmentView;
  incidentCreatedAt: string;
  clockNow: number | null;
  isLifted: boolean;
  presence: Presence;
  escalation: Parameters<typeof EscalationLevel>[0];
};

const PHASE_TONE: Record<StatusPhase, 'danger' | 'warning' | 'success'> = {
  unanswered: 'danger',
  answered: 'warning',
  at_scene: 'success',
  finished: 'success',
};

const reachedAt = (assignment: AssignmentView) => assignment[STATUS_TIMESTAMP[assignment.status]] ?? assignment.sentAt;

export function AssignmentRow({ assignment, incidentCreatedAt, clockNow, isLifted, presence, escalation }: Props) {
  const t = useTranslations('board');
  const tc = useTranslations('common');
  const format = useFormatter();
  const isAcknowledged = assignment.acknowledgedAt !== null;
  const phoneState = presence.stateOf(assignment.userId);
  const phase = deliveryPhase(assignment, clockNow);

  const waiting = () => {
    // A stood-down card is not waiting for anyone any more (已撤回).
    if (clockNow === null || assignment.status === 'stood_down') return '—';
    const clock = formatClock(millisBetween(assignment.sentAt, clockNow));
    return isLifted ? t('people.neverAcknowledged', { clock }) : t('people.notAcknowledgedFor', { clock });
  };

  return (
    <tr
      className={isAcknowledged || assignment.status === 'stood_down' ? undefined : styles.rowUnacknowledged}
      data-testid="assignment-row"
      data-username={assignment.username}
      data-status={assignment.status}
      data-acknowledged={String(isAcknowledged)}
      data-delivery={phase}
      data-online={String(phoneState?.isOnline ?? false)}
    >
      <td>
        <strong>{assignment.userName}</strong>
        <span className={styles.username}>{assignment.username}</span>
        <PresenceDot name={assignment.userName} state={phoneState} isLive={presence.isLive} showLastSeen />
      </td>
      <td>{assignment.role}</td>
      <td>
        {assignment.phone ? (
          <a href={`tel:${assignment.phone.replace(/[^\d+]/g, '')}`} className={styles.phone}>
            {assignment.phone}
          </a>
        ) : (
          '—'
        )}
        {!isAcknowledged && !isLifted && !assignment.closedAt && <RecordReached assignment={assignment} />}
      </td>
      <td>
        <Badge tone={PHASE_TONE[STATUS_PHASE[assignment.status]]}>{tc(`assignmentStatus.${assignment.status}`)}</Badge>
        {assignment.acknowledgedVia && (
          <span className={styles.reachedVia} data-testid="acknowledged-via" data-via={assignment.acknowledgedVia}>
            {t('reached.recorded', { by: t(`reached.by.${assignment.acknowledgedVia}`) })}
          </span>
        )}
        <EscalationLevel {...escalation} />
        <StandDown assignment={assignment} isLifted={isLifted} />
      </td>
      <td>
        <DeliveryState assignment={assignment} clockNow={clockNow} isPhoneOnline={phoneState?.isOnline ?? false} />
      </td>
      <td className={styles.clockCell}>
        {isAcknowledged ? (
          t('people.reachedAfter', { clock: formatClock(millisBetween(incidentCreatedAt, reachedAt(assignment))) })
        ) : (
          <strong>{waiting()}</strong>
        )}
      </td>
      <td>
        <div className={styles.times}>
          {ASSIGNMENT_STATUSES.flatMap((status) => {
            const at = assignment[STATUS_TIMESTAMP[status]];
            if (!at) return [];
            return [
              <span key={status}>
                {tc(`assignmentStatus.${status}`)}{' '}
                {format.dateTime(new Date(at), { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
              </span>,
            ];
          })}
        </div>
      </td>
    </tr>
  );
}
