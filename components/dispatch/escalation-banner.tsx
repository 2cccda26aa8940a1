'use client';

import { useTranslations } from 'next-intl';
import type { AssignmentView, TimelineEntry } from '@/server/contracts/dispatch';
import { escalationStates } from '@/server/contracts/escalation';
import { useReachText } from './use-reach-text';
import styles from './escalation.module.css';

/**
 * Roles that are escalating because nobody acknowledged, above the board: who, how far, and who
 * was reached. Read from the timeline, so it follows every step the board re-reads. A role a
 * backup has taken over is listed as covered; acknowledged ones disappear.
 */
export function EscalationBanner({ timeline, assignments }: { timeline: TimelineEntry[]; assignments: AssignmentView[] }) {
  const t = useTranslations('escalation');
  const reach = useReachText();
  const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]));
  const states = [...escalationStates(timeline, assignments).values()];
  const open = states.filter((state) => !state.isStopped);
  const covered = states.filter((state) => state.isCovered);
  if (open.length === 0 && covered.length === 0) return null;

  const isUrgent = open.some((state) => state.lastStep === 'supervisor' || state.lastStep === 'duty_officer');
  const person = (assignmentId: string | null) => (assignmentId ? byId.get(assignmentId) : undefined);

  return (
    <section
      className={[styles.banner, isUrgent ? styles.bannerUrgent : ''].filter(Boolean).join(' ')}
      role="alert"
      aria-labelledby="escalation-title"
      data-testid="escalation-banner"
    >
      {open.length > 0 && (
        <h2 id="escalation-title" className={styles.title}>
          {t('banner.title', { count: open.length })}
        </h2>
      )}
      {open.length > 0 && (
        <ul className={styles.rows}>
          {open.map((state) => {
            const assignment = person(state.assignmentId);
            const values = {
              person: assignment?.userName ?? '—',
              role: assignment?.role ?? '—',
              level: state.level,
              of: state.of,
              step: t(`steps.${state.lastStep}`),
            };
            return (
              <li key={state.assignmentId} data-testid="escalation-row" data-level={state.level} data-step={state.lastStep}>
                {state.lastSkipped
                  ? t('banner.rowSkipped', { ...values, reason: t(`reasons.${state.lastSkipped}`) })
                  : t('banner.row', values)}
                {state.notifiedName && !state.lastSkipped && (
                  <span className={styles.notified} data-testid="escalation-reached" data-channels={state.channels?.join(' ') ?? ''}>
                    {state.channels ? reach.banner(state.notifiedName, state.channels) : t('banner.notified', { name: state.notifiedName })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {covered.length > 0 && (
        <ul className={styles.covered}>
          {covered.map((state) => {
            const assignment = person(state.assignmentId);
            return (
              <li key={state.assignmentId} data-testid="escalation-covered">
                {t('banner.covered', {
                  person: assignment?.userName ?? '—',
                  role: assignment?.role ?? '—',
                  backup: person(state.backupAssignmentId)?.userName ?? '—',
                })}
              </li>
            );
          })}
        </ul>
      )}
      {open.length > 0 && <p className={styles.hint}>{t('banner.hint')}</p>}
    </section>
  );
}
