'use client';

import { useTranslations } from 'next-intl';
import type { EscalationState } from '@/server/contracts/escalation';
import styles from './escalation.module.css';

type Props = {
  /** This row's state from `escalationStates(detail.timeline, detail.assignments)`; undefined = never escalated. */
  state: EscalationState | undefined;
  /** Names for the row: the backup who covers it, or (for a backup's own row) the person it stands in for. */
  backupName?: string;
  backupForName?: string;
};

/** A small badge for a board row: the escalation level reached, covered by a backup, or a backup's own card. */
export function EscalationLevel({ state, backupName, backupForName }: Props) {
  const t = useTranslations('escalation.level');
  const tSteps = useTranslations('escalation.steps');
  if (backupForName) {
    return (
      <span className={styles.level} data-testid="escalation-level" data-kind="backup">
        {t('backupFor', { person: backupForName })}
      </span>
    );
  }
  if (!state) return null;
  if (state.isCovered) {
    return (
      <span className={[styles.level, styles.levelDone].join(' ')} data-testid="escalation-level" data-kind="covered">
        {t('covered', { backup: backupName ?? '—' })}
      </span>
    );
  }
  const isUrgent = state.lastStep === 'supervisor' || state.lastStep === 'duty_officer';
  return (
    <span
      className={[styles.level, state.isStopped ? styles.levelDone : isUrgent ? styles.levelUrgent : ''].filter(Boolean).join(' ')}
      data-testid="escalation-level"
      data-kind={state.isStopped ? 'stopped' : 'open'}
      data-level={state.level}
      title={state.isStopped ? t('stopped') : undefined}
    >
      {t('badge', { level: state.level, of: state.of, step: tSteps(state.lastStep) })}
    </span>
  );
}
