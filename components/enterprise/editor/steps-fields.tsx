'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import styles from './editor.module.css';

type Props = { steps: string[]; errors: Record<string, string>; onChange: (steps: string[]) => void };

/** The disposal steps, in the order responders must follow them. */
export function StepsFields({ steps, errors, onChange }: Props) {
  const t = useTranslations('enterprise');
  const set = (index: number, value: string) => onChange(steps.map((step, i) => (i === index ? value : step)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    next.splice(index + by, 0, step!);
    onChange(next);
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t('point.steps')}</legend>
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const id = `point-step-${index}`;
          const error = errors[`disposalSteps.${index}`];
          return (
            <li key={index} className={styles.step} data-testid="point-step">
              <span className={styles.rowNumber}>{index + 1}.</span>
              <div>
                <textarea
                  id={id}
                  className={styles.input}
                  rows={2}
                  value={step}
                  aria-label={t('point.stepLabel', { number: index + 1 })}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => set(index, event.target.value)}
                />
                {error && <span className={styles.error}>{error}</span>}
              </div>
              <span className={styles.stepButtons}>
                <button
                  type="button"
                  className={styles.iconButton}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('point.moveUp', { number: index + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={styles.iconButton}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('point.moveDown', { number: index + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={styles.iconButton}
                  onClick={() => onChange(steps.filter((_, i) => i !== index))}
                  aria-label={t('point.removeStep', { number: index + 1 })}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <Button onClick={() => onChange([...steps, ''])} disabled={steps.length >= 30}>
        {t('point.addStep')}
      </Button>
    </fieldset>
  );
}
