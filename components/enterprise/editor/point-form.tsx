'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { RISK_POINT_STYLES } from '@/components/maps/risk-point-style';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import type { PointFormValues } from './form-values';
import { StepsFields } from './steps-fields';
import { SubstancesFields } from './substances-fields';
import styles from './editor.module.css';

type Props = {
  values: PointFormValues;
  onChange: (values: PointFormValues) => void;
  errors: Record<string, string>;
  formError: string | null;
  /** Null while a new point has not been placed on the plan yet. */
  position: { x: number; y: number } | null;
  isNew: boolean;
  isBusy: boolean;
  onSubmit: () => void;
  onDelete: () => void;
  onCancel: () => void;
};

const invalid = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

/** Add or edit one risk point: what it is, what is there, the ordered measures, who answers for it. */
export function PointForm({ values, onChange, errors, formError, position, isNew, isBusy, onSubmit, onDelete, onCancel }: Props) {
  const t = useTranslations('enterprise');
  const tMap = useTranslations('oneMap');
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const set = <K extends keyof PointFormValues>(key: K, value: PointFormValues[K]) => onChange({ ...values, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form data-testid="point-form" onSubmit={submit} noValidate aria-labelledby="point-form-title">
      <h2 id="point-form-title" className={styles.sectionTitle}>
        {isNew ? t('point.addTitle') : t('point.editTitle', { code: values.code })}
      </h2>
      {formError && <Alert>{formError}</Alert>}
      <p className={styles.muted}>
        {position ? (
          <span className={styles.position}>{t('point.position', { x: Math.round(position.x), y: Math.round(position.y) })}</span>
        ) : (
          t('point.placeHint')
        )}
        {errors.x && <span className={styles.error}>{errors.x}</span>}
      </p>
      <FormField id="point-kind" label={t('point.kind')} error={errors.kind}>
        <select
          id="point-kind"
          name="kind"
          data-testid="point-kind"
          value={values.kind}
          onChange={(event) => set('kind', event.target.value as PointFormValues['kind'])}
          {...invalid('point-kind', errors.kind)}
        >
          {RISK_POINT_STYLES.map(({ kind, style }) => (
            <option key={kind} value={kind}>
              {style.glyph} · {tMap(style.labelKey)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="point-code" label={t('point.code')} error={errors.code} hint={t('point.codeHint')}>
        <input
          id="point-code"
          name="code"
          data-testid="point-code"
          value={values.code}
          maxLength={24}
          onChange={(event) => set('code', event.target.value)}
          {...invalid('point-code', errors.code)}
        />
      </FormField>
      <FormField id="point-name" label={t('point.name')} error={errors.name}>
        <input
          id="point-name"
          name="name"
          data-testid="point-name"
          value={values.name}
          maxLength={80}
          onChange={(event) => set('name', event.target.value)}
          {...invalid('point-name', errors.name)}
        />
      </FormField>
      <SubstancesFields rows={values.substances} errors={errors} onChange={(rows) => set('substances', rows)} />
      <StepsFields steps={values.disposalSteps} errors={errors} onChange={(steps) => set('disposalSteps', steps)} />
      <FormField id="point-responsible-name" label={t('point.responsibleName')} error={errors.responsibleName}>
        <input
          id="point-responsible-name"
          name="responsibleName"
          value={values.responsibleName}
          maxLength={40}
          onChange={(event) => set('responsibleName', event.target.value)}
          {...invalid('point-responsible-name', errors.responsibleName)}
        />
      </FormField>
      <FormField id="point-responsible-phone" label={t('point.responsiblePhone')} error={errors.responsiblePhone}>
        <input
          id="point-responsible-phone"
          name="responsiblePhone"
          type="tel"
          value={values.responsiblePhone}
          maxLength={32}
          onChange={(event) => set('responsiblePhone', event.target.value)}
          {...invalid('point-responsible-phone', errors.responsiblePhone)}
        />
      </FormField>
      <div className={styles.actions}>
        <Button type="submit" variant="primary" data-testid="point-save" disabled={isBusy || !position}>
          {isBusy ? t('saving') : t('point.save')}
        </Button>
        <Button onClick={onCancel}>{t('point.close')}</Button>
        {!isNew &&
          (isConfirmingDelete ? (
            <Button variant="danger" data-testid="point-delete-confirm" disabled={isBusy} onClick={onDelete}>
              {t('point.confirmDelete', { code: values.code })}
            </Button>
          ) : (
            <Button data-testid="point-delete" onClick={() => setIsConfirmingDelete(true)}>
              {t('point.delete')}
            </Button>
          ))}
      </div>
    </form>
  );
}
