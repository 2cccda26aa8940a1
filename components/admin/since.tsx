'use client';

import { useTranslations } from 'next-intl';

/** "for 3 h 12 min": how long a person has been on (or off) duty. */
export function Since({ at, now }: { at: string | null; now: number | null }) {
  const t = useTranslations('admin.roster');
  if (!at) return <>{t('sinceUnknown')}</>;
  if (now === null) return null;
  const minutes = Math.max(0, Math.floor((now - Date.parse(at)) / 60_000));
  if (minutes < 1) return <>{t('sinceJustNow')}</>;
  if (minutes < 60) return <>{t('sinceMinutes', { minutes })}</>;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return <>{t('sinceHours', { hours, minutes: minutes % 60 })}</>;
  return <>{t('sinceDays', { days: Math.floor(hours / 24) })}</>;
}
