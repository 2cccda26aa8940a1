'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { z } from 'zod';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, Notice } from '@/components/ui/form-field';
import { issuesByField } from './form-values';
import styles from './editor.module.css';

type Row = Record<string, string>;

type Props = {
  /** 'contacts' or 'materials': the catalog section, the API path and the body key. */
  section: 'contacts' | 'materials';
  enterpriseId: string;
  fields: readonly string[];
  schema: z.ZodType;
  initial: Row[];
};

/** A short list of three-field rows saved as a whole: emergency contacts, or materials on site. */
export function RowsEditor({ section, enterpriseId, fields, schema, initial }: Props) {
  const t = useTranslations('enterprise');
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const blank = () => Object.fromEntries(fields.map((field) => [field, ''])) as Row;
  const set = (index: number, field: string, value: string) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  async function save() {
    setStatus(null);
    const parsed = z.array(schema).max(50).safeParse(rows);
    if (!parsed.success) {
      const issues = issuesByField(parsed.error);
      setErrors(Object.fromEntries(Object.entries(issues).map(([path, key]) => [path, t(`validation.${key}`)])));
      setStatus({ isError: true, text: t('fixErrors') });
      return;
    }
    setErrors({});
    setIsBusy(true);
    const result = await callApi(`/api/enterprises/${enterpriseId}/${section}`, { method: 'PUT', body: { [section]: parsed.data } });
    setIsBusy(false);
    if (!result.ok) {
      const field = result.error.field?.replace(new RegExp(`^${section}\\.`), '');
      if (field && field in shownFields(rows, fields)) setErrors({ [field]: result.error.message });
      setStatus({ isError: true, text: result.status === 0 ? t('networkError') : result.error.message });
      return;
    }
    setStatus({ isError: false, text: t('saved') });
    router.refresh();
  }

  return (
    <section aria-labelledby={`${section}-title`} data-testid={`${section}-editor`}>
      <h2 id={`${section}-title`} className={styles.sectionTitle}>
        {t(`${section}.title`)}
      </h2>
      <p className={styles.muted}>{t(`${section}.intro`)}</p>
      {rows.length === 0 && <p className={styles.muted}>{t(`${section}.empty`)}</p>}
      <ul className={styles.list}>
        {rows.map((row, index) => (
          <li key={index} className={`${styles.row} ${styles.rowThree}`}>
            {fields.map((field) => {
              const error = errors[`${index}.${field}`];
              return (
                <div key={field}>
                  <input
                    className={styles.input}
                    value={row[field] ?? ''}
                    type={field === 'phone' ? 'tel' : 'text'}
                    placeholder={t(`${section}.${field}`)}
                    aria-label={t(`${section}.fieldLabel`, { field: t(`${section}.${field}`), number: index + 1 })}
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
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
              aria-label={t('removeRow', { number: index + 1 })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {status && (status.isError ? <Alert>{status.text}</Alert> : <Notice>{status.text}</Notice>)}
      <div className={styles.actions}>
        <Button onClick={() => setRows([...rows, blank()])} disabled={rows.length >= 50}>
          {t(`${section}.add`)}
        </Button>
        <Button variant="primary" onClick={save} disabled={isBusy} data-testid={`${section}-save`}>
          {isBusy ? t('saving') : t('save')}
        </Button>
      </div>
    </section>
  );
}

/** Every "<row>.<field>" path the list shows, so a server error lands beside the right box. */
function shownFields(rows: Row[], fields: readonly string[]): Record<string, true> {
  return Object.fromEntries(rows.flatMap((_, index) => fields.map((field) => [`${index}.${field}`, true] as const)));
}
