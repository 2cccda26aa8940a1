'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { callApi } from './api-client';
import styles from './ui.module.css';

export function LanguageSwitcher() {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const next = locale === 'en' ? 'zh-CN' : 'en';

  return (
    <button
      type="button"
      className={styles.headerButton}
      disabled={isPending}
      data-testid="language-switcher"
      onClick={() =>
        startTransition(async () => {
          await callApi('/api/locale', { body: { locale: next } });
          router.refresh();
        })
      }
    >
      {t('switchLanguage')}
    </button>
  );
}
