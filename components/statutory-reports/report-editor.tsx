'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionDialog, type ActionOutcome } from '@/components/dispatch/action-dialog';
import { Button } from '@/components/ui/button';
import { Alert, FormField, Notice } from '@/components/ui/form-field';
import type { StatutoryReportVersionView, StatutoryReportView } from '@/server/contracts/statutory-report-input';
import { isSeverity, SEVERITIES } from '@/server/contracts/severity';
import { MonitoringTable } from './monitoring-table';
import { CORE_TEXT, FINAL_TEXT, fromLocalInput, toContent, toFormState, toLocalInput, type FormState } from './report-form-state';
import type { ReportsState } from './use-reports';
import styles from './statutory-reports.module.css';

type Props = {
  incidentId: string;
  report: StatutoryReportView;
  version: StatutoryReportVersionView;
  canSignOff: boolean;
  state: ReportsState;
};

type TextKey =
  'source' | 'incidentType' | 'reportingUnit' | 'reporterName' | 'contactPhone' | (typeof CORE_TEXT)[number] | (typeof FINAL_TEXT)[number];

/**
 * One version in the editor. A draft is edited and saved as the next version; a signed-off one is
 * shown frozen, and "更正" starts a new version from it. Sign-off needs 签发权 (the server checks it).
 */
export function ReportEditor({ incidentId, report, version, canSignOff, state }: Props) {
  const t = useTranslations('statutoryReports');
  const format = useFormatter();
  const [form, setForm] = useState<FormState>(() => toFormState(version.content));
  const [isDirty, setIsDirty] = useState(false);
  const [isCorrecting, setIsCorrecting] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const isSigned = version.signedOffAt !== null;
  const isReadOnly = isSigned && !isCorrecting;
  const isLatest = report.versions[report.versions.length - 1]?.version === version.version;
  const kindName = t(`kind.${report.kind}`, { seq: report.seq });

  const update = (patch: Partial<FormState>) => {
    setForm((current) => ({ ...current, ...patch }));
    setIsDirty(true);
  };
  const text = (key: TextKey, rows = 3) => (
    <FormField id={`report-${key}`} label={t(`editor.${key}`)}>
      <textarea
        id={`report-${key}`}
        data-testid={`report-${key}`}
        rows={rows}
        value={form[key]}
        onChange={(event) => update({ [key]: event.target.value })}
      />
    </FormField>
  );

  const save = async () => {
    setIsSaving(true);
    setMessage(null);
    const result = await state.save(report.id, toContent(form));
    setIsSaving(false);
    if (!result.ok) setMessage({ kind: 'error', text: result.status === 0 ? t('page.network') : result.error.message });
    // On success the page opens the new version in a fresh editor.
  };

  const signOff = async (): Promise<ActionOutcome> => {
    const result = await state.signOff(report.id, version.version);
    if (!result.ok) return { error: result.status === 0 ? t('page.network') : result.error.message };
    return { close: true };
  };

  const exportUrl = (format: 'pdf' | 'docx') =>
    `/api/incidents/${incidentId}/statutory-reports/${report.id}/versions/${version.version}/export?format=${format}`;

  return (
    <section
      className={styles.panel}
      aria-labelledby="editor-title"
      data-testid="report-editor"
      data-version={version.version}
      data-signed={isSigned}
    >
      <h2 id="editor-title">{t('editor.title', { kind: kindName, version: version.version })}</h2>
      <div className={styles.exports}>
        <a href={exportUrl('pdf')} data-testid="export-pdf" download>
          {t('page.exportPdf')}
        </a>
        <a href={exportUrl('docx')} data-testid="export-docx" download>
          {t('page.exportDocx')}
        </a>
      </div>
      <form className={styles.form} onSubmit={(event) => event.preventDefault()}>
        {isSigned && (
          <p className={styles.frozen} data-testid="report-frozen">
            {t('page.signedBy', {
              name: version.signedOffBy ?? '',
              time: format.dateTime(new Date(version.signedOffAt!), {
                month: '2-digit',
                day: '2-digit',
                hour: '2-digit',
                minute: '2-digit',
              }),
            })}{' '}
            · {t('page.frozen')}
          </p>
        )}
        <fieldset disabled={isReadOnly || isSaving}>
          <legend>{t('editor.core')}</legend>
          <div className={styles.form}>
            <FormField id="report-discoveredAt" label={t('editor.discoveredAt')}>
              <input
                id="report-discoveredAt"
                type="datetime-local"
                value={toLocalInput(form.discoveredAt)}
                onChange={(event) => update({ discoveredAt: fromLocalInput(event.target.value) })}
              />
            </FormField>
            <FormField id="report-severity" label={t('editor.severity')}>
              <select
                id="report-severity"
                data-testid="report-severity"
                value={form.severity ?? ''}
                onChange={(event) => update({ severity: isSeverity(event.target.value) ? event.target.value : null })}
              >
                <option value="">{t('severity.unset')}</option>
                {SEVERITIES.map((level) => (
                  <option key={level} value={level}>
                    {t(`severity.${level}`)}
                  </option>
                ))}
              </select>
            </FormField>
            <div className={styles.wide}>{text('source', 2)}</div>
            <div className={styles.wide}>
              <FormField id="report-location" label={t('editor.locationText')}>
                <input
                  id="report-location"
                  data-testid="report-location"
                  value={form.location.text}
                  onChange={(event) => update({ location: { ...form.location, text: event.target.value } })}
                />
              </FormField>
            </div>
            {text('incidentType', 1)}
            <div>
              <span className={styles.muted}>{t('editor.enterprises')}</span>
              <ul data-testid="report-enterprises">
                {form.enterprises.length === 0 && <li>{t('editor.noEnterprises')}</li>}
                {form.enterprises.map((enterprise) => (
                  <li key={enterprise.id}>
                    {t('editor.enterpriseLine', {
                      name: enterprise.name,
                      substances: enterprise.substances.join('、') || t('editor.noSubstances'),
                    })}
                  </li>
                ))}
              </ul>
              <span className={styles.muted}>{t('editor.fieldReports', { count: form.fieldReportIds.length })}</span>
            </div>
            {CORE_TEXT.map((key) => (
              <div key={key} className={styles.wide}>
                {text(key, key === 'actionsTaken' || key === 'forcesAndMaterials' ? 6 : 3)}
              </div>
            ))}
            <div className={styles.wide}>
              <MonitoringTable rows={form.monitoring} onChange={(monitoring) => update({ monitoring })} />
            </div>
            {text('reportingUnit', 1)}
            {text('reporterName', 1)}
            {text('contactPhone', 1)}
          </div>
        </fieldset>
        {report.kind === 'final' && (
          <fieldset disabled={isReadOnly || isSaving} data-testid="final-sections">
            <legend>{t('editor.finalSections')}</legend>
            <div className={styles.form}>
              {FINAL_TEXT.map((key) => (
                <div key={key} className={styles.wide}>
                  {text(key)}
                </div>
              ))}
            </div>
          </fieldset>
        )}
        {message && (
          <div className={styles.wide}>{message.kind === 'error' ? <Alert>{message.text}</Alert> : <Notice>{message.text}</Notice>}</div>
        )}
        <div className={styles.actions}>
          {isReadOnly ? (
            <Button data-testid="report-correct" onClick={() => setIsCorrecting(true)}>
              {t('page.correct')}
            </Button>
          ) : (
            <Button variant="primary" type="submit" data-testid="report-save" disabled={isSaving} onClick={() => void save()}>
              {isSaving ? t('editor.saving') : t('editor.save')}
            </Button>
          )}
          {!isSigned && isLatest && <SignOff canSignOff={canSignOff && !isDirty} onConfirm={signOff} />}
          {!isSigned && !canSignOff && <span className={styles.muted}>{t('page.noSignRight')}</span>}
        </div>
      </form>
    </section>
  );
}

function SignOff({ canSignOff, onConfirm }: { canSignOff: boolean; onConfirm: () => Promise<ActionOutcome> }) {
  const t = useTranslations('statutoryReports');
  if (!canSignOff) {
    return (
      <Button variant="danger" data-testid="report-sign-off" disabled>
        {t('editor.signOff')}
      </Button>
    );
  }
  return (
    <ActionDialog
      idPrefix="sign-off"
      open={{ label: t('editor.signOff'), testId: 'report-sign-off', variant: 'danger' }}
      title={t('editor.signOff')}
      confirm={{ label: t('editor.signOff'), busyLabel: t('editor.signing'), testId: 'report-sign-off-confirm', variant: 'danger' }}
      onConfirm={onConfirm}
    >
      <p>{t('editor.signConfirm')}</p>
    </ActionDialog>
  );
}
