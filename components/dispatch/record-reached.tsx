'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
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
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const [reachedBy, setReachedBy] = useState<ReachedBy>('phone_call');
  const [note, setNote] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idPrefix = `reached-${assignment.id}`;

  const save = async () => {
    setIsSaving(true);
    setError(null);
    const result = await callApi(`/api/assignments/${assignment.id}/acknowledgement`, {
      body: { reachedBy, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    setIsSaving(false);
    // 409: acknowledged meanwhile (in the app, or by another officer): the push shows who.
    if (result.ok || result.status === 409) {
      dialog.current?.close();
      return;
    }
    setError(result.status === 0 ? t('reached.network') : result.error.message);
  };

  return (
    <>
      <Button className={styles.reachedButton} data-testid="record-reached" onClick={() => dialog.current?.showModal()}>
        {t('reached.button')}
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${idPrefix}-title`} onClose={() => setError(null)}>
        <h2 id={`${idPrefix}-title`} className={styles.dialogTitle}>
          {t('reached.title', { name: assignment.userName })}
        </h2>
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
        {error && <Alert>{error}</Alert>}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()} disabled={isSaving}>
            {tc('cancel')}
          </Button>
          <Button variant="primary" data-testid="record-reached-confirm" onClick={() => void save()} disabled={isSaving}>
            {isSaving ? t('reached.saving') : t('reached.confirm')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
