'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormField } from '@/components/ui/form-field';
import { ActionDialog, type ActionOutcome } from './action-dialog';
import { REACHED_BY, type ReachedBy } from '@/server/contracts/assignment-lifecycle';
import type { AssignmentView } from '@/server/contracts/dispatch';
import styles from './board.module.css';

/**
 * 收到 on someone's behalf: the officer called (or texted, met, radioed) a person whose phone did not
 * answer, and records that they have their role. Escalation stops as for the app's 收到; the row
 * updates from the push that follows.
 */
export function RecordReached({ assignment }: { assignment: AssignmentView }) {
  const t = useTranslations('board');
  const [reachedBy, setReachedBy] = useState<ReachedBy>('phone_call');
  const [note, setNote] = useState('');
  const idPrefix = `reached-${assignment.id}`;

  const save = async (): Promise<ActionOutcome> => {
    const result = await callApi(`/api/assignments/${assignment.id}/acknowledgement`, {
      body: { reachedBy, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    // 409: acknowledged meanwhile (in the app, or by another officer): the push shows who.
    if (result.ok || result.status === 409) return { close: true };
    return { error: result.status === 0 ? t('reached.network') : result.error.message };
  };

  return (
    <ActionDialog
      idPrefix={idPrefix}
      open={{ label: t('reached.button'), testId: 'record-reached', className: styles.reachedButton }}
      title={t('reached.title', { name: assignment.userName })}
      confirm={{ label: t('reached.confirm'), busyLabel: t('reached.saving'), testId: 'record-reached-confirm', variant: 'primary' }}
      onConfirm={save}
    >
      <p>{t('reached.body', { role: assignment.role })}</p>
      <fieldset className={styles.reachedMeans}>
        <legend>{t('reached.means')}</legend>
        {REACHED_BY.map((means) => (
          <label key={means}>
            <input
              type="radio"
              name={`${idPrefix}-means`}
              value={means}
              checked={reachedBy === means}
              onChange={() => setReachedBy(means)}
            />
            {t(`reached.by.${means}`)}
          </label>
        ))}
      </fieldset>
      <FormField id={`${idPrefix}-note`} label={t('reached.note')} hint={t('reached.noteHint')}>
        <input id={`${idPrefix}-note`} value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
      </FormField>
    </ActionDialog>
  );
}
