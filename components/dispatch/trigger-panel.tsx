'use client';

import { useTranslations } from 'next-intl';
import { Alert, FormField } from '@/components/ui/form-field';
import { isSeverity, SEVERITIES } from '@/server/contracts/severity';
import type { EnterpriseSummary } from '@/server/contracts/views';
import { PlanRoles } from './plan-roles';
import { PressAndHoldButton } from './press-and-hold-button';
import { ReachSummary } from './reach-summary';
import type { TriggerForm } from './use-trigger-form';
import type { Presence } from './use-presence';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import styles from './dispatch.module.css';

type Props = { form: TriggerForm; enterprises: EnterpriseSummary[]; presence: Presence };

/** 一键启动: type, place, hold. Everything else is pre-filled and optional. */
export function TriggerPanel({ form, enterprises, presence }: Props) {
  const t = useTranslations('dashboard');
  const tc = useTranslations('common');
  const tr = useTranslations('statutoryReports');
  const typeName = useIncidentTypeName();
  const { errors } = form;
  const invalid = (field: keyof typeof errors) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `trigger-${field}-error` } : {};

  return (
    <section className={styles.panel} aria-labelledby="trigger-title">
      <h2 id="trigger-title" className={styles.panelTitle}>
        {t('trigger.title')}
      </h2>

      <fieldset className={styles.typeGroup} disabled={form.isSending}>
        <legend className={styles.step}>{t('trigger.stepType')}</legend>
        <div className={styles.typeButtons}>
          {form.types.map((type) => (
            <button
              key={type}
              type="button"
              className={styles.typeButton}
              aria-pressed={form.incidentType === type}
              data-testid={`trigger-type-${type}`}
              onClick={() => form.chooseType(type)}
            >
              {typeName(type)}
            </button>
          ))}
        </div>
        {form.types.length === 0 && <p className={styles.muted}>{t('trigger.noPlans')}</p>}
      </fieldset>

      <FormField id="trigger-planId" label={t('trigger.plan')} error={errors.planId}>
        <select
          id="trigger-planId"
          data-testid="trigger-plan"
          value={form.plan?.id ?? ''}
          disabled={form.isSending || form.plansOfType.length === 0}
          onChange={(event) => form.choosePlan(event.target.value)}
          {...invalid('planId')}
        >
          {form.plansOfType.length === 0 && <option value="">{t('trigger.planPlaceholder')}</option>}
          {form.plansOfType.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name}
            </option>
          ))}
        </select>
      </FormField>

      <p className={styles.step}>{t('trigger.stepLocation')}</p>
      <div className={styles.coordinates}>
        <FormField id="trigger-lat" label={t('trigger.lat')} error={errors.lat}>
          <input
            id="trigger-lat"
            data-testid="trigger-lat"
            inputMode="decimal"
            autoComplete="off"
            value={form.latText}
            disabled={form.isSending}
            onChange={(event) => form.setLatText(event.target.value)}
            {...invalid('lat')}
          />
        </FormField>
        <FormField id="trigger-lng" label={t('trigger.lng')} error={errors.lng}>
          <input
            id="trigger-lng"
            data-testid="trigger-lng"
            inputMode="decimal"
            autoComplete="off"
            value={form.lngText}
            disabled={form.isSending}
            onChange={(event) => form.setLngText(event.target.value)}
            {...invalid('lng')}
          />
        </FormField>
      </div>

      <FormField id="trigger-enterpriseId" label={t('trigger.enterprise')} error={errors.enterpriseId} hint={t('trigger.enterpriseHint')}>
        <select
          id="trigger-enterpriseId"
          data-testid="trigger-enterprise"
          value={form.enterpriseId}
          disabled={form.isSending}
          onChange={(event) => form.linkEnterprise(event.target.value, { moveLocation: false })}
          {...invalid('enterpriseId')}
        >
          <option value="">{t('trigger.noEnterprise')}</option>
          {enterprises.map((enterprise) => (
            <option key={enterprise.id} value={enterprise.id}>
              {t('trigger.enterpriseOption', { name: enterprise.name, risk: t(`risk.${enterprise.riskLevel}`) })}
            </option>
          ))}
        </select>
      </FormField>

      <FormField id="trigger-description" label={t('trigger.description')} error={errors.description}>
        <textarea
          id="trigger-description"
          data-testid="trigger-description"
          rows={2}
          maxLength={500}
          value={form.description}
          disabled={form.isSending}
          onChange={(event) => form.setDescription(event.target.value)}
          {...invalid('description')}
        />
      </FormField>

      <FormField id="trigger-severity" label={tr('severity.label')} error={errors.severity} hint={tr('severity.triggerHint')}>
        <select
          id="trigger-severity"
          data-testid="trigger-severity"
          value={form.severity}
          disabled={form.isSending}
          onChange={(event) => form.setSeverity(isSeverity(event.target.value) ? event.target.value : '')}
          {...invalid('severity')}
        >
          <option value="">{tr('severity.unset')}</option>
          {SEVERITIES.map((level) => (
            <option key={level} value={level}>
              {tr(`severity.${level}`)}
            </option>
          ))}
        </select>
      </FormField>

      <label className={styles.drill}>
        <input
          type="checkbox"
          data-testid="trigger-drill"
          checked={form.isDrill}
          disabled={form.isSending}
          onChange={(event) => form.setIsDrill(event.target.checked)}
        />
        <span>{t('trigger.drill', { drill: tc('drill') })}</span>
      </label>

      {errors.general && (
        <div data-testid="trigger-error">
          <Alert>{errors.general}</Alert>
        </div>
      )}

      {form.plan && <ReachSummary plan={form.plan} presence={presence} />}

      <PressAndHoldButton
        testId="trigger-button"
        onComplete={() => void form.dispatch()}
        isDisabled={!form.isReady || form.isSending}
        label={form.isSending ? t('trigger.sending') : form.isDrill ? t('trigger.holdDrill') : t('trigger.hold')}
        holdingLabel={t('trigger.holding')}
        hint={form.isReady ? t('trigger.holdHint') : t('trigger.missingHint', { items: form.missing.join(t('trigger.listSeparator')) })}
      />

      {form.plan && <PlanRoles plan={form.plan} presence={presence} />}
    </section>
  );
}
