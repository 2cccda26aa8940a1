'use client';

import { useTranslations } from 'next-intl';
import { callApi } from './api-client';
import styles from './ui.module.css';

export function LogoutButton() {
  const t = useTranslations('auth');
  return (
    <button
      type="button"
      className={styles.headerButton}
      data-testid="logout"
      onClick={async () => {
        await callApi('/api/auth/logout', { method: 'POST' });
        window.location.assign('/login');
      }}
    >
      {t('logout')}
    </button>
  );
}
