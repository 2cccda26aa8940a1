'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { IncidentUpdateView } from '@/server/contracts/dispatch';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import styles from './updates.module.css';

/** What a 情况通报 changed, in words: moved, retyped, enterprises linked or unlinked. */
export function UpdateChanges({ update }: { update: IncidentUpdateView }) {
  const t = useTranslations('field');
  const typeName = useIncidentTypeName();
  const changes = [
    update.location ? t('updates.moved') : null,
    update.incidentType ? t('updates.retyped', { type: typeName(update.incidentType) }) : null,
    ...update.linked.map((enterprise) => t('updates.linked', { name: enterprise.name })),
    ...update.unlinked.map((enterprise) => t('updates.unlinked', { name: enterprise.name })),
  ].filter((change): change is string => change !== null);
  if (changes.length === 0) return null;
  return (
    <ul className={styles.changes}>
      {changes.map((change) => (
        <li key={change}>{change}</li>
      ))}
    </ul>
  );
}

/**
 * New 情况通报 on a card, as plain as the alert: on top of the card until the person taps 知道了.
 * Shows the newest one in full and how many more are new.
 */
export function UpdateBanner({ updates, onDismiss }: { updates: IncidentUpdateView[]; onDismiss: () => void }) {
  const t = useTranslations('field');
  const format = useFormatter();
  const newest = updates.at(-1);
  if (!newest) return null;
  return (
    <section className={styles.banner} role="alert" data-testid="update-banner" data-seq={newest.seq}>
      <p className={styles.bannerTitle}>
        {t('updates.bannerTitle', { seq: newest.seq })}
        <span className={styles.bannerTime}>
          {format.dateTime(new Date(newest.at), { hour: '2-digit', minute: '2-digit' })} · {newest.authorName}
        </span>
      </p>
      <p className={styles.bannerText} data-testid="update-banner-text">
        {newest.text}
      </p>
      <UpdateChanges update={newest} />
      {updates.length > 1 && <p className={styles.bannerMore}>{t('updates.more', { count: updates.length - 1 })}</p>}
      <button type="button" className={styles.bannerDismiss} onClick={onDismiss} data-testid="update-banner-dismiss">
        {t('updates.dismiss')}
      </button>
    </section>
  );
}
