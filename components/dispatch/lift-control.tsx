'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import styles from './board.module.css';

type Props = { incidentId: string; onLifted: (incident: IncidentSummary) => void; onStale: () => void };

/** 警报解除, behind a confirmation: it closes every open role card at once. */
export function LiftControl({ incidentId, onLifted, onStale }: Props) {
  const t = useTranslations('board');
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const [isLifting, setIsLifting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const lift = async () => {
    setIsLifting(true);
    setError(null);
    const result = await callApi<{ incident: IncidentSummary }>(`/api/incidents/${incidentId}/lift`, { body: { reason } });
    setIsLifting(false);
    if (result.ok) {
      dialog.current?.close();
      onLifted(result.data.incident);
      return;
    }
    // Someone else lifted it first: show the truth rather than an error.
    if (result.status === 409) {
      dialog.current?.close();
      onStale();
      return;
    }
    setError(result.status === 0 ? t('lift.network') : result.error.message);
  };

  return (
    <>
      <Button variant="danger" data-testid="lift-button" onClick={() => dialog.current?.showModal()}>
        {t('lift.button')}
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="lift-title" onClose={() => setError(null)}>
        <h2 id="lift-title" className={styles.dialogTitle}>
          {t('lift.title')}
        </h2>
        <p>{t('lift.body')}</p>
        <FormField id="lift-reason" label={t('lift.reason')} hint={t('lift.reasonHint')}>
          <textarea
            id="lift-reason"
            data-testid="lift-reason"
            rows={2}
            maxLength={200}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </FormField>
        {error && <Alert>{error}</Alert>}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()} disabled={isLifting}>
            {tc('cancel')}
          </Button>
          <Button variant="danger" data-testid="lift-confirm" onClick={() => void lift()} disabled={isLifting || reason.trim().length < 2}>
            {isLifting ? t('lift.lifting') : t('lift.confirm')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
