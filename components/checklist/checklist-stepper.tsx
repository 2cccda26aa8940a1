'use client';

import { useTranslations } from 'next-intl';
import { CHECKLIST_STEPS } from '@/server/contracts/checklist';
import styles from './checklist.module.css';

const STEP_KEYS = [...CHECKLIST_STEPS, 'review'] as const;

type Props = { current: number; reached: number; onSelect: (step: number) => void };

/** The steps in order; those already reached can be revisited, later ones stay locked. */
export function ChecklistStepper({ current, reached, onSelect }: Props) {
  const t = useTranslations('checklist');
  return (
    <ol className={styles.stepper} data-testid="checklist-stepper">
      {STEP_KEYS.map((key, index) => {
        const isLocked = index > reached;
        const isDone = index < reached && index !== current;
        return (
          <li
            key={key}
            className={[styles.stepperItem, index === current ? styles.stepperCurrent : '', isDone ? styles.stepperDone : ''].join(' ')}
          >
            <button
              type="button"
              onClick={() => onSelect(index)}
              disabled={isLocked}
              aria-current={index === current ? 'step' : undefined}
              title={isLocked ? t('status.notReached') : undefined}
              data-testid={`checklist-stepper-${key}`}
            >
              <span className={styles.stepperNumber}>{isDone ? '✓' : index + 1}</span>
              <span className={styles.stepperLabel}>{t(`steps.${key}`)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
