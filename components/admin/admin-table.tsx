'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import styles from './admin.module.css';

/** The administration lists' table: the given column headings plus a trailing, unlabelled actions column. */
export function AdminTable({ headings, children }: { headings: string[]; children: ReactNode }) {
  const t = useTranslations('admin');
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading}>{heading}</th>
            ))}
            <th>
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
