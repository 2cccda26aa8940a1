'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { SubstanceRow } from './form-values';
import styles from './editor.module.css';

type Props = { rows: SubstanceRow[]; errors: Record<string, string>; onChange: (rows: SubstanceRow[]) => void };

const FIELDS = ['name', 'maxQuantity', 'unit'] as const;

/** What is stored at the point and at most how much. */
export function SubstancesFields({ rows, errors, onChange }: Props) {
  const t = useTranslations('enterprise');
  const set = (index: number, field: keyof SubstanceRow, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t('point.substances')}</legend>
      {rows.length === 0 && <p className={styles.muted}>{t('point.noSubstances')}</p>}
      <ul className={styles.list}>
        {rows.map((row, index) => (
          <li key={index} className={`${styles.row} ${styles.rowThree}`}>
            {FIELDS.map((field) => {
              const error = errors[`substances.${index}.${field}`];
              return (
                <div key={field}>
                  <input
                    className={styles.input}
                    value={row[field]}
                    inputMode={field === 'maxQuantity' ? 'decimal' : undefined}
                    placeholder={t(`point.substance.${field}`)}
                    aria-label={t(`point.substance.${field}`)}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => set(index, field, event.target.value)}
                  />
                  {error && <span className={styles.error}>{error}</span>}
                </div>
              );
            })}
            <button
              type="button"
              className={styles.iconButton}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              aria-label={t('point.removeSubstance', { number: index + 1 })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Button onClick={() => onChange([...rows, { name: '', maxQuantity: '', unit: '' }])} disabled={rows.length >= 30}>
        {t('point.addSubstance')}
      </Button>
    </fieldset>
  );
}
