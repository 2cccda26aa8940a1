'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormField } from '@/components/ui/form-field';
import { ActionDialog, type ActionOutcome } from './action-dialog';
import type { AssignmentView } from '@/server/contracts/dispatch';
import styles from './board.module.css';

const MAX_REASON = 200;

/**
 * 撤回 on a board row: an open card gets a button that asks for the reason and stands the person
 * down; a stood-down card shows the reason under its 已撤回 badge. The row updates from the push.
 */
export function StandDown({ assignment, isLifted }: { assignment: AssignmentView; isLifted: boolean }) {
  const t = useTranslations('reinforce');
  const [reason, setReason] = useState('');
  const idPrefix = `stand-down-${assignment.id}`;

  if (assignment.status === 'stood_down') {
    return (
      <span className={styles.reachedVia} data-testid="stood-down-reason">
        {t('stoodDownBecause', { reason: assignment.stoodDownReason ?? '' })}
      </span>
    );
  }
  if (isLifted || assignment.closedAt) return null;

  const save = async (): Promise<ActionOutcome> => {
    const result = await callApi(`/api/assignments/${assignment.id}/stand-down`, { body: { reason } });
    if (!result.ok) return { error: result.status === 0 ? t('network') : result.error.message };
    setReason('');
    return { close: true };
  };

  return (
    <ActionDialog
      idPrefix={idPrefix}
      open={{ label: t('standDown'), testId: 'stand-down', className: styles.reachedButton }}
      title={t('standDownTitle', { name: assignment.userName })}
      confirm={{ label: t('confirmStandDown'), busyLabel: t('standingDown'), testId: 'stand-down-confirm', variant: 'danger' }}
      onConfirm={save}
    >
      <p>{t('standDownBody', { name: assignment.userName, role: assignment.role })}</p>
      <FormField id={`${idPrefix}-reason`} label={t('reason')} hint={t('reasonHint')}>
        <textarea
          id={`${idPrefix}-reason`}
          data-testid="stand-down-reason"
          value={reason}
          maxLength={MAX_REASON}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
        />
      </FormField>
    </ActionDialog>
  );
}
