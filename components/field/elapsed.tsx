'use client';

import { useTranslations } from 'next-intl';

/** Time since the incident was triggered, to the second in the first hour when every minute counts. */
export function Elapsed({ since, now }: { since: string; now: number }) {
  const t = useTranslations('field');
  const totalSeconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return <span>{hours > 0 ? t('card.elapsedLong', { hours, minutes }) : t('card.elapsedShort', { minutes, seconds })}</span>;
}
