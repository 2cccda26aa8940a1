'use client';

import { useTranslations } from 'next-intl';
import type { Drafts } from './checklist-drafts';
import styles from './checklist.module.css';

const ROWS = [
  { step: 0, key: 'storages', draft: 'storage' },
  { step: 1, key: 'points', draft: 'outfalls' },
  { step: 2, key: 'contacts', draft: 'contacts' },
  { step: 3, key: 'materials', draft: 'materials' },
] as const;

/** What will go onto the map draft, step by step, with a way back to each. */
export function ReviewStep({ drafts, onEdit }: { drafts: Drafts; onEdit: (step: number) => void }) {
  const t = useTranslations('checklist');
  const summaries: Record<(typeof ROWS)[number]['draft'], string[]> = {
    storage: drafts.storage.map(
      (item) =>
        `${item.code} ${item.name} · ${item.substances.map((substance) => `${substance.name} ${substance.maxQuantity} ${substance.unit}`).join(', ')}`,
    ),
    outfalls: drafts.outfalls.map((item) => `${item.code} ${item.name}`),
    contacts: drafts.contacts.map((item) => `${item.name} ${item.role} ${item.phone}`),
    materials: drafts.materials.map((item) => `${item.kind} ${item.quantity} · ${item.location}`),
  };
  return (
    <dl className={styles.review} data-testid="checklist-review">
      {ROWS.map((row) => (
        <div key={row.key} className={styles.reviewRow}>
          <dt>
            {t(`review.${row.key}`)} <span className={styles.muted}>{t('review.count', { count: summaries[row.draft].length })}</span>
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => onEdit(row.step)}
              data-testid={`checklist-review-edit-${row.draft}`}
            >
              {t('review.edit')}
            </button>
          </dt>
          <dd>
            <ul>
              {summaries[row.draft].map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
