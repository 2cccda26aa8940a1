'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormField } from '@/components/ui/form-field';
import { ActionDialog, type ActionOutcome } from './action-dialog';
import type { IncidentSummary } from '@/server/contracts/dispatch';

type Props = { incidentId: string; onLifted: (incident: IncidentSummary) => void; onStale: () => void };

/** 警报解除, behind a confirmation: it closes every open role card at once. */
export function LiftControl({ incidentId, onLifted, onStale }: Props) {
  const t = useTranslations('board');
  const [reason, setReason] = useState('');

  const lift = async (): Promise<ActionOutcome> => {
    const result = await callApi<{ incident: IncidentSummary }>(`/api/incidents/${incidentId}/lift`, { body: { reason } });
    if (result.ok) {
      onLifted(result.data.incident);
      return { close: true };
    }
    // Someone else lifted it first: show the truth rather than an error.
    if (result.status === 409) {
      onStale();
      return { close: true };
    }
    return { error: result.status === 0 ? t('lift.network') : result.error.message };
  };

  return (
    <ActionDialog
      idPrefix="lift"
      open={{ label: t('lift.button'), testId: 'lift-button', variant: 'danger' }}
      title={t('lift.title')}
      confirm={{
        label: t('lift.confirm'),
        busyLabel: t('lift.lifting'),
        testId: 'lift-confirm',
        variant: 'danger',
        isDisabled: reason.trim().length < 2,
      }}
      onConfirm={lift}
    >
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
    </ActionDialog>
  );
}
