'use client';

import { useTranslations } from 'next-intl';
import {
  DEFAULT_ACK_TIMEOUT,
  ESCALATION_STEPS,
  MAX_ACK_TIMEOUT,
  MIN_ACK_TIMEOUT,
  normalizeSteps,
  type EscalationStep,
} from '@/server/contracts/escalation';
import { FormField } from '../ui/form-field';
import styles from './escalation-policy.module.css';

type Props = {
  id: string;
  ackTimeoutSeconds: string;
  steps: EscalationStep[];
  errorFor: (field: string) => string | undefined;
  onChange: (change: { ackTimeoutSeconds: string; steps: EscalationStep[] }) => void;
};

/** A plan role's escalation policy: how long to wait for 收到, and which steps follow, in fixed order. */
export function EscalationPolicyEditor({ id, ackTimeoutSeconds, steps, errorFor, onChange }: Props) {
  const t = useTranslations('escalation');
  const timeoutError = errorFor('ackTimeoutSeconds');
  const stepsError = errorFor('escalationSteps');
  const seconds = Number(ackTimeoutSeconds);
  const hasValidTimeout = Number.isInteger(seconds) && seconds >= MIN_ACK_TIMEOUT && seconds <= MAX_ACK_TIMEOUT;

  const toggle = (step: EscalationStep, isOn: boolean) =>
    onChange({ ackTimeoutSeconds, steps: normalizeSteps(isOn ? [...steps, step] : steps.filter((other) => other !== step)) });

  return (
    <fieldset className={styles.policy} data-testid="plan-role-escalation">
      <legend className={styles.legend}>{t('policy.title')}</legend>
      <div className={styles.timeout}>
        <FormField
          id={`${id}-timeout`}
          label={t('policy.ackTimeout')}
          hint={t('policy.ackTimeoutHint', { min: MIN_ACK_TIMEOUT, max: MAX_ACK_TIMEOUT, default: DEFAULT_ACK_TIMEOUT })}
          error={timeoutError}
        >
          <input
            id={`${id}-timeout`}
            type="number"
            min={MIN_ACK_TIMEOUT}
            max={MAX_ACK_TIMEOUT}
            step={5}
            inputMode="numeric"
            value={ackTimeoutSeconds}
            onChange={(event) => onChange({ ackTimeoutSeconds: event.target.value, steps })}
            data-testid="plan-role-ack-timeout"
            {...(timeoutError ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-timeout-error` } : {})}
          />
        </FormField>
      </div>
      <span className={styles.stepsLabel} id={`${id}-steps-label`}>
        {t('policy.stepsLabel')}
      </span>
      <ol className={styles.steps} aria-labelledby={`${id}-steps-label`}>
        {ESCALATION_STEPS.map((step) => (
          <li key={step}>
            <label className={styles.step}>
              <input
                type="checkbox"
                checked={steps.includes(step)}
                onChange={(event) => toggle(step, event.target.checked)}
                data-testid={`plan-role-step-${step}`}
              />
              <span className={styles.stepName}>{t(`steps.${step}`)}</span>
              <span className={styles.stepHelp}>{t(`policy.stepHelp.${step}`)}</span>
            </label>
          </li>
        ))}
      </ol>
      {stepsError && (
        <p className={styles.error} role="alert">
          {stepsError}
        </p>
      )}
      <p className={styles.preview} data-testid="plan-role-escalation-preview">
        {steps.length === 0
          ? t('policy.none')
          : hasValidTimeout &&
            t('policy.preview', {
              steps: steps
                .map((step, index) => t('policy.previewStep', { seconds: seconds * (index + 1), step: t(`steps.${step}`) }))
                .join(t('policy.separator')),
            })}
      </p>
    </fieldset>
  );
}
