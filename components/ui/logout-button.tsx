'use client';

import { useTranslations } from 'next-intl';
import { clearOfflineData, queuedActionsOnThisBrowser } from '@/components/field/clear-offline-data';
import { callApi } from './api-client';
import styles from './ui.module.css';

export function LogoutButton() {
  const t = useTranslations('auth');
  const tOffline = useTranslations('offline');
  return (
    <button
      type="button"
      className={styles.headerButton}
      data-testid="logout"
      onClick={async () => {
        const queued = queuedActionsOnThisBrowser();
        if (queued > 0 && !window.confirm(tOffline('logoutConfirm', { count: queued }))) return;
        await callApi('/api/auth/logout', { method: 'POST' });
        await clearOfflineData();
        window.location.assign('/login');
      }}
    >
      {t('logout')}
    </button>
  );
}
