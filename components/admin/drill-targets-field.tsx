'use client';

import { useTranslations } from 'next-intl';
import { DRILL_TARGET_KEYS, MAX_TARGET_SECONDS, type DrillTargets } from '@/server/contracts/drill-targets';
import { Card, FormField } from '../ui/form-field';
import adminStyles from './admin.module.css';
import { invalidProps } from './use-form-errors';

const SCORE_LABEL = {
  everyoneAcknowledgedSeconds: 'everyoneAcknowledged',
  firstOnSceneSeconds: 'firstOnScene',
  allRolesOnSceneSeconds: 'allRolesOnScene',
  initialReportSignedSeconds: 'initialReportSigned',
} as const;

/** The plan's drill targets (plans.targets), edited in minutes and kept in seconds. */
export function DrillTargetsField({
  targets,
  errorFor,
  onChange,
}: {
  targets: DrillTargets;
  errorFor: (key: keyof DrillTargets) => string | undefined;
  onChange: (targets: DrillTargets) => void;
}) {
  const t = useTranslations('review');
  return (
    <Card>
      <h2 className={adminStyles.subtitle}>{t('targets.title')}</h2>
      <p>{t('targets.hint')}</p>
      <div className={adminStyles.formRow}>
        {DRILL_TARGET_KEYS.map((key) => (
          <FormField key={key} id={`plan-target-${key}`} label={t(`score.${SCORE_LABEL[key]}`)} error={errorFor(key)}>
            <input
              id={`plan-target-${key}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_TARGET_SECONDS / 60}
              step={1}
              value={Number.isFinite(targets[key]) ? targets[key] / 60 : ''}
              onChange={(event) => onChange({ ...targets, [key]: event.target.valueAsNumber * 60 })}
              data-testid={`plan-target-${key}`}
              {...invalidProps(`plan-target-${key}`, errorFor(key))}
            />
          </FormField>
        ))}
      </div>
    </Card>
  );
}
