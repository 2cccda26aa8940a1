'use client';

import { useTranslations } from 'next-intl';
import styles from './field-reports.module.css';

/** The plan editor's 拍照取证 switch for one role: a photo report is needed before 完成. */
export function RequiresPhotoField({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useTranslations('fieldReports');
  return (
    <div className={styles.requiresPhoto}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid="role-requires-photo"
      />
      <label htmlFor={id}>
        {t('planRole.label')} <span className={styles.hint}>{t('planRole.hint')}</span>
      </label>
    </div>
  );
}
