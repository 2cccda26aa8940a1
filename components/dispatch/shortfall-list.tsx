'use client';

import { useTranslations } from 'next-intl';
import type { ShortfallView } from '@/server/contracts/dispatch';
import styles from './board.module.css';

/** Roles that could not be staffed at trigger time: the officer must find people by phone. */
export function ShortfallList({ shortfalls, departmentNames }: { shortfalls: ShortfallView[]; departmentNames: Record<string, string> }) {
  const t = useTranslations('board');
  if (shortfalls.length === 0) return null;
  return (
    <section className={styles.shortfalls} role="alert" aria-labelledby="shortfall-title">
      <h2 id="shortfall-title" className={styles.shortfallTitle}>
        {t('shortfall.title', { count: shortfalls.length })}
      </h2>
      <ul>
        {shortfalls.map((gap) => (
          <li key={gap.planRoleId} data-testid="shortfall">
            {t('shortfall.row', {
              role: gap.roleName,
              department: departmentNames[gap.departmentId] ?? '—',
              required: gap.required,
              assigned: gap.assigned,
              missing: gap.required - gap.assigned,
            })}
          </li>
        ))}
      </ul>
      <p className={styles.shortfallHint}>{t('shortfall.hint')}</p>
    </section>
  );
}
