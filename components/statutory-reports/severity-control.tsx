'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormField } from '@/components/ui/form-field';
import { ActionDialog, type ActionOutcome } from '@/components/dispatch/action-dialog';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import { isSeverity, SEVERITIES, type Severity } from '@/server/contracts/severity';

type Props = { incidentId: string; severity: Severity | null; onChanged: (incident: IncidentSummary) => void };

/** 事件分级 changed on the board, always with a reason: it moves the 初报 deadline and goes on the timeline. */
export function SeverityControl({ incidentId, severity, onChanged }: Props) {
  const t = useTranslations('statutoryReports');
  const [level, setLevel] = useState<Severity | ''>('');
  const [reason, setReason] = useState('');

  const change = async (): Promise<ActionOutcome> => {
    const result = await callApi<{ incident: IncidentSummary }>(`/api/incidents/${incidentId}/severity`, {
      method: 'PUT',
      body: { severity: level, reason },
    });
    if (!result.ok) return { error: result.status === 0 ? t('severity.network') : result.error.message };
    onChanged(result.data.incident);
    setReason('');
    setLevel('');
    return { close: true };
  };

  return (
    <ActionDialog
      idPrefix="severity"
      open={{ label: severity ? t('severity.change') : t('severity.set'), testId: 'severity-button' }}
      title={t('severity.title')}
      confirm={{
        label: t('severity.confirm'),
        busyLabel: t('severity.saving'),
        testId: 'severity-confirm',
        variant: 'primary',
        isDisabled: !level || level === severity || reason.trim().length < 2,
      }}
      onConfirm={change}
    >
      <p>{t('severity.body')}</p>
      <FormField id="severity-level" label={t('severity.newLevel')}>
        <select
          id="severity-level"
          data-testid="severity-level"
          value={level}
          onChange={(event) => setLevel(isSeverity(event.target.value) ? event.target.value : '')}
        >
          <option value="">{t('severity.unset')}</option>
          {SEVERITIES.map((option) => (
            <option key={option} value={option} disabled={option === severity}>
              {t(`severity.${option}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="severity-reason" label={t('severity.reason')} hint={t('severity.reasonHint')}>
        <textarea
          id="severity-reason"
          data-testid="severity-reason"
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
