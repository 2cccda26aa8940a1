'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { IncidentUpdateView } from '@/server/contracts/dispatch';
import { UpdateChanges } from './update-banner';
import fieldStyles from './field.module.css';
import styles from './updates.module.css';

/** Every 情况通报 of the incident on the card, newest first: what the person would otherwise have to ask for. */
export function CardUpdates({ assignmentId, updates }: { assignmentId: string; updates: IncidentUpdateView[] }) {
  const t = useTranslations('field');
  const format = useFormatter();
  if (updates.length === 0) return null;
  const titleId = `updates-${assignmentId}`;
  return (
    <section className={fieldStyles.section} aria-labelledby={titleId} data-testid="card-updates">
      <h3 id={titleId} className={fieldStyles.sectionTitle}>
        {t('updates.title', { count: updates.length })}
      </h3>
      <ol className={styles.list}>
        {[...updates].reverse().map((update) => (
          <li key={update.id} className={styles.item} data-testid="card-update" data-seq={update.seq}>
            <span className={styles.itemMeta}>
              #{update.seq} · {format.dateTime(new Date(update.at), { hour: '2-digit', minute: '2-digit' })} · {update.authorName}
            </span>
            <span className={styles.itemText}>{update.text}</span>
            <UpdateChanges update={update} />
          </li>
        ))}
      </ol>
    </section>
  );
}
