'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import type { AssignmentView } from '@/server/contracts/dispatch';
import styles from './board.module.css';

const MAX_REASON = 200;

/**
 * 撤回 on a board row: an open card gets a button that asks for the reason and stands the person
 * down; a stood-down card shows the reason under its 已撤回 badge. The row updates from the push.
 */
export function StandDown({ assignment, isLifted }: { assignment: AssignmentView; isLifted: boolean }) {
  const t = useTranslations('reinforce');
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idPrefix = `stand-down-${assignment.id}`;

  if (assignment.status === 'stood_down') {
    return (
      <span className={styles.reachedVia} data-testid="stood-down-reason">
        {t('stoodDownBecause', { reason: assignment.stoodDownReason ?? '' })}
      </span>
    );
  }
  if (isLifted || assignment.closedAt) return null;

  const save = async () => {
    setIsSaving(true);
    setError(null);
    const result = await callApi(`/api/assignments/${assignment.id}/stand-down`, { body: { reason } });
    setIsSaving(false);
    if (result.ok) {
      setReason('');
      dialog.current?.close();
      return;
    }
    setError(result.status === 0 ? t('network') : result.error.message);
  };

  return (
    <>
      <Button className={styles.reachedButton} data-testid="stand-down" onClick={() => dialog.current?.showModal()}>
        {t('standDown')}
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${idPrefix}-title`} onClose={() => setError(null)}>
        <h2 id={`${idPrefix}-title`} className={styles.dialogTitle}>
          {t('standDownTitle', { name: assignment.userName })}
        </h2>
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
        {error && <Alert>{error}</Alert>}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()} disabled={isSaving}>
            {tc('cancel')}
          </Button>
          <Button variant="danger" data-testid="stand-down-confirm" onClick={() => void save()} disabled={isSaving}>
            {isSaving ? t('standingDown') : t('confirmStandDown')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
