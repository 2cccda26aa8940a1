'use client';

import { useTranslations } from 'next-intl';
import styles from './field.module.css';

/** No open assignments: say so plainly, and whether a new one would ring. */
export function StandBy({ isArmed }: { isArmed: boolean }) {
  const t = useTranslations('field');
  return (
    <section className={styles.standBy} data-testid="stand-by" data-armed={String(isArmed)}>
      <span className={isArmed ? styles.standByIconOn : styles.standByIconOff} aria-hidden="true" />
      <h2 className={styles.standByTitle}>{t('empty.title')}</h2>
      <p className={styles.standByText}>{isArmed ? t('empty.armed') : t('empty.notArmed')}</p>
    </section>
  );
}
