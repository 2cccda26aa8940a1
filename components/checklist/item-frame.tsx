'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import styles from './checklist.module.css';

/** One entry of a step's list, numbered, with its remove button. */
export function ItemFrame({
  index,
  title,
  testId,
  onRemove,
  children,
}: {
  index: number;
  title: string;
  testId: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const t = useTranslations('checklist');
  return (
    <section className={styles.item} data-testid={testId}>
      <header className={styles.itemHead}>
        <h3 className={styles.itemTitle}>
          <span className={styles.itemNumber}>{index + 1}</span>
          {title || t('itemTitle', { number: index + 1 })}
        </h3>
        <Button variant="danger" onClick={onRemove} data-testid={`${testId}-remove`}>
          {t('actions.remove')}
        </Button>
      </header>
      {children}
    </section>
  );
}

export type ErrorFor = (path: string, isDeep?: boolean) => string | undefined;
