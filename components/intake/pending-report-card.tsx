'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { PressAndHoldButton } from '@/components/dispatch/press-and-hold-button';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/form-field';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import type { PendingReportView } from '@/server/contracts/intake';
import type { PlanView } from '@/server/contracts/views';
import styles from './intake.module.css';

type Props = { report: PendingReportView; plans: PlanView[]; onDecided: (id: string) => void };

/** One report from another system: who, when, where, what; the plan pre-selected; confirm (hold) or dismiss with a reason. */
export function PendingReportCard({ report, plans, onDecided }: Props) {
  const t = useTranslations('intake');
  const typeName = useIncidentTypeName();
  const router = useRouter();
  const [planId, setPlanId] = useState(report.suggestedPlanId ?? '');
  const [isDrill, setIsDrill] = useState(false);
  const [isDismissing, setIsDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = (status: number, message: string) => {
    setIsBusy(false);
    // Someone else decided it first: it leaves the list.
    if (status === 409) onDecided(report.id);
    else setError(status === 0 ? t('network') : message);
  };

  const confirm = async () => {
    if (!planId || isBusy) return;
    setIsBusy(true);
    setError(null);
    const result = await callApi<{ incident: IncidentSummary }>(`/api/reports/${report.id}/confirmation`, {
      body: { planId, drill: isDrill },
    });
    if (result.ok) {
      onDecided(report.id);
      router.push(`/incidents/${result.data.incident.id}`);
      return;
    }
    fail(result.status, result.error.message);
  };

  const dismiss = async () => {
    setIsBusy(true);
    setError(null);
    const result = await callApi(`/api/reports/${report.id}/dismissal`, { body: { reason } });
    if (result.ok) {
      onDecided(report.id);
      return;
    }
    fail(result.status, result.error.message);
  };

  const { lat, lng, address } = report.location;
  return (
    <li className={styles.card} data-testid="pending-report" data-report-id={report.id}>
      <div className={styles.cardHead}>
        <strong>{typeName(report.incidentType)}</strong>
        <span className={styles.muted}>
          {t('from', { source: report.source })} · {new Date(report.reportedAt).toLocaleString()}
        </span>
      </div>
      <p className={styles.text} data-testid="pending-report-text">
        {report.text}
      </p>
      <p className={styles.muted}>
        {t('reporter', { name: report.reporter.name, org: report.reporter.org || '—', phone: report.reporter.phone || '—' })}
      </p>
      <p className={styles.muted}>
        {address ? `${address} · ` : ''}
        {lat.toFixed(5)}, {lng.toFixed(5)}
      </p>
      {report.photoUrls.length > 0 && (
        <p className={styles.photos}>
          {report.photoUrls.map((url, index) => (
            // Links only: the server never fetched them, and the browser opens them only when asked.
            <a key={url} href={url} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
              {t('photo', { n: index + 1 })}
            </a>
          ))}
        </p>
      )}
      <label className={styles.row}>
        <span>{t('plan')}</span>
        <select data-testid="pending-report-plan" value={planId} onChange={(event) => setPlanId(event.target.value)}>
          <option value="">{t('choosePlan')}</option>
          {plans
            .filter((plan) => plan.isActive)
            .map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
        </select>
      </label>
      <label className={styles.row}>
        <input type="checkbox" checked={isDrill} onChange={(event) => setIsDrill(event.target.checked)} />
        <span>{t('drill')}</span>
      </label>
      {error && <Alert>{error}</Alert>}
      <PressAndHoldButton
        testId="pending-report-confirm"
        onComplete={() => void confirm()}
        isDisabled={!planId || isBusy}
        label={isBusy ? t('sending') : t('confirm')}
        holdingLabel={t('holding')}
        hint={planId ? t('confirmHint') : t('choosePlanHint')}
      />
      {isDismissing ? (
        <div className={styles.dismiss}>
          <label className={styles.row}>
            <span>{t('reason')}</span>
            <input
              data-testid="pending-report-reason"
              value={reason}
              maxLength={300}
              placeholder={t('reasonHint')}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <Button data-testid="pending-report-dismiss-confirm" disabled={isBusy || reason.trim().length < 2} onClick={() => void dismiss()}>
            {t('dismissConfirm')}
          </Button>
          <Button onClick={() => setIsDismissing(false)} disabled={isBusy}>
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <Button data-testid="pending-report-dismiss" onClick={() => setIsDismissing(true)}>
          {t('dismiss')}
        </Button>
      )}
    </li>
  );
}
